using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Keywords;

namespace Airgate.JsonSchema.Evaluation;

/// <summary>The mutable state of one evaluation: locations, dynamic scope, error list; never shared between threads.</summary>
internal sealed class Evaluator
{
    /// <summary>Deepest nesting of schemas evaluated before the instance is rejected, so hostile input cannot exhaust the stack.</summary>
    public const int MaxDepth = 1500;

    private readonly List<SchemaError> _errors = [];
    private readonly List<Marks> _marksPool = [];
    private char[] _chars = new char[256];
    private int _length;
    private int _instanceUsed;
    private string[] _keywordPath = new string[32];
    private InstanceSegment[] _instancePath = new InstanceSegment[32];
    private SchemaResource[] _scope = new SchemaResource[16];
    private RefFrame[] _refs = new RefFrame[16];
    private int _keywordDepth;
    private int _instanceDepth;
    private int _scopeDepth;
    private int _refDepth;
    private int _depth;
    private int _marksInUse;
    private int _total;
    private int _maxErrors;

    /// <summary>True while errors are collected; false in the fast path, where the first failure ends a schema.</summary>
    public bool Collecting { get; private set; }

    public IReadOnlyList<SchemaError> Errors => _errors;

    /// <summary>The budget of one backtracking pattern match in this evaluation; null: each pattern's compiled one.</summary>
    public TimeSpan? RegexTimeout { get; private set; }

    /// <summary>True once a pattern could not be matched within its budget: the verdict is unknown (and false, failing closed).</summary>
    public bool Undetermined { get; private set; }

    public void MarkUndetermined() => Undetermined = true;

    public bool Truncated => _total > _errors.Count;

    public void Reset(bool collecting, int maxErrors, TimeSpan? regexTimeout = null)
    {
        Collecting = collecting;
        RegexTimeout = regexTimeout;
        Undetermined = false;
        _maxErrors = maxErrors;
        _errors.Clear();
        _total = 0;
        _keywordDepth = _instanceDepth = _scopeDepth = _refDepth = _depth = _marksInUse = 0;
    }

    /// <summary>Drops references to the last instance and schema, so a thread's cached evaluator keeps neither alive.</summary>
    public void Release()
    {
        // Only the entries used can hold references; clearing the rest every call would cost more than the evaluation of a small instance.
        Array.Clear(_instancePath, 0, Math.Min(_instanceUsed, _instancePath.Length));
        Array.Clear(_scope, 0, _scope.Length);
        Array.Clear(_refs, 0, _refs.Length);
        _instanceUsed = 0;
    }

    public bool Evaluate(SchemaNode node, JsonElement instance, Marks? marks)
    {
        if (node.Constant is { } constant)
        {
            if (!constant && Collecting)
            {
                AddError("false", node.AbsoluteLocation, "no value is allowed here (the schema is false)", keywordSuffix: false);
            }

            return constant;
        }

        // The stack probe runs every 8 levels: a level uses far less than the 64 KiB it guarantees.
        if (_depth >= MaxDepth || ((_depth & 7) == 7 && !RuntimeHelpers.TryEnsureSufficientExecutionStack()))
        {
            if (Collecting)
            {
                AddError("$ref", node.AbsoluteLocation, $"the schema nests deeper than {MaxDepth} levels here; evaluation stopped", keywordSuffix: false);
            }

            return false;
        }

        _depth++;
        var pushedScope = _scopeDepth == 0 || !ReferenceEquals(_scope[_scopeDepth - 1], node.Resource);
        if (pushedScope)
        {
            Push(ref _scope, ref _scopeDepth, node.Resource);
        }

        var own = node.TracksEvaluated ? RentMarks(instance) : marks;
        var valid = true;
        foreach (var keyword in node.Keywords)
        {
            if (!keyword.Evaluate(this, instance, own))
            {
                valid = false;
                if (!Collecting)
                {
                    break;
                }
            }
        }

        if (node.TracksEvaluated && own is not null)
        {
            if (valid && marks is not null)
            {
                marks.MergeFrom(own);
            }

            ReturnMarks(own);
        }

        if (pushedScope)
        {
            _scopeDepth--;
        }

        _depth--;
        return valid;
    }

    /// <summary>Evaluates a child schema reached through <paramref name="keywordSegment"/> (e.g. <c>/allOf/0</c>) against the same instance.</summary>
    public bool EvaluateAt(string keywordSegment, SchemaNode node, JsonElement instance, Marks? marks)
    {
        // Locations matter only for errors; the fast path skips recording them.
        if (!Collecting)
        {
            return Evaluate(node, instance, marks);
        }

        Push(ref _keywordPath, ref _keywordDepth, keywordSegment);
        var valid = Evaluate(node, instance, marks);
        _keywordDepth--;
        return valid;
    }

    /// <summary>Evaluates a child schema against a property of the instance; the name is only read if an error needs it.</summary>
    public bool EvaluateProperty(string keywordSegment, SchemaNode node, JsonProperty property)
    {
        if (!Collecting)
        {
            // Only the depth is needed (for loop detection); the path itself is for error reports.
            _instanceDepth++;
            var fast = Evaluate(node, property.Value, null);
            _instanceDepth--;
            return fast;
        }

        PushInstance(new InstanceSegment(null, -1, property));
        var valid = EvaluateAt(keywordSegment, node, property.Value, null);
        _instanceDepth--;
        return valid;
    }

    /// <summary>Evaluates a child schema against a value located at a property name (e.g. the name itself, for <c>propertyNames</c>).</summary>
    public bool EvaluateProperty(string keywordSegment, SchemaNode node, string property, JsonElement value)
    {
        PushInstance(new InstanceSegment(property, -1, default));
        var valid = EvaluateAt(keywordSegment, node, value, null);
        _instanceDepth--;
        return valid;
    }

    /// <summary>Evaluates a child schema against an item of the instance.</summary>
    public bool EvaluateItem(string keywordSegment, SchemaNode node, int index, JsonElement value)
    {
        if (!Collecting)
        {
            _instanceDepth++;
            var fast = Evaluate(node, value, null);
            _instanceDepth--;
            return fast;
        }

        PushInstance(new InstanceSegment(null, index, default));
        var valid = EvaluateAt(keywordSegment, node, value, null);
        _instanceDepth--;
        return valid;
    }

    /// <summary>Enters a reference; false when the same target is already being evaluated at the same instance location (a loop).</summary>
    public bool TryEnterRef(SchemaNode target)
    {
        for (var i = _refDepth - 1; i >= 0 && _refs[i].InstanceDepth == _instanceDepth; i--)
        {
            if (ReferenceEquals(_refs[i].Target, target))
            {
                return false;
            }
        }

        Push(ref _refs, ref _refDepth, new RefFrame(target, _instanceDepth));
        return true;
    }

    public void ExitRef() => _refDepth--;

    /// <summary>The outermost resource in the dynamic scope that declares <paramref name="anchor"/> as a <c>$dynamicAnchor</c>.</summary>
    public SchemaNode? FindDynamicAnchor(string anchor)
    {
        for (var i = 0; i < _scopeDepth; i++)
        {
            if (_scope[i].DynamicAnchors.TryGetValue(anchor, out var node))
            {
                return node;
            }
        }

        return null;
    }

    /// <summary>Stops collecting errors (for <c>not</c>, <c>if</c>, <c>contains</c>, whose subschema errors never surface); returns the previous mode.</summary>
    public bool SuspendErrors()
    {
        var previous = Collecting;
        Collecting = false;
        return previous;
    }

    public void RestoreErrors(bool previous) => Collecting = previous;

    /// <summary>Adds an error located at one property of the current instance.</summary>
    public void AddPropertyError(Keyword keyword, string property, string message)
    {
        PushInstance(new InstanceSegment(property, -1, default));
        AddError(keyword, message);
        _instanceDepth--;
    }

    /// <summary>Adds "property 'name' is not allowed" located at <paramref name="property"/>, reading its name without allocating.</summary>
    public void AddNotAllowedError(Keyword keyword, JsonProperty property)
    {
        if (!KeepsErrors)
        {
            _total++;
            return;
        }

        PushInstance(new InstanceSegment(null, -1, property));
        Span<char> buffer = stackalloc char[JsonText.BufferLength];
        var message = new DefaultInterpolatedStringHandler(0, 0, null, stackalloc char[JsonText.BufferLength + 32]);
        message.AppendLiteral("property '");
        message.AppendFormatted(JsonText.PropertyName(property, buffer));
        message.AppendLiteral("' is not allowed");
        AddError(keyword, message.Text);
        message.Clear();
        _instanceDepth--;
    }

    /// <summary>Adds an error located at one item of the current instance.</summary>
    public void AddItemError(Keyword keyword, int index, string message)
    {
        PushInstance(new InstanceSegment(null, index, default));
        AddError(keyword, message);
        _instanceDepth--;
    }

    public Marks? RentMarks(JsonElement instance)
    {
        var count = instance.ValueKind switch
        {
            JsonValueKind.Object => instance.GetPropertyCount(),
            JsonValueKind.Array => instance.GetArrayLength(),
            _ => -1,
        };
        if (count < 0)
        {
            return null;
        }

        if (_marksInUse == _marksPool.Count)
        {
            _marksPool.Add(new Marks());
        }

        var marks = _marksPool[_marksInUse++];
        marks.Reset(count);
        return marks;
    }

    /// <summary>Returns the most recently rented marks (rentals nest like a stack).</summary>
    public void ReturnMarks(Marks? marks)
    {
        if (marks is not null)
        {
            _marksInUse--;
        }
    }

    public int ErrorMark() => _total;

    /// <summary>The first error kept since <paramref name="mark"/>, if any: what an <c>anyOf</c>/<c>oneOf</c> reports of its closest alternative.</summary>
    public SchemaError? FirstErrorSince(int mark) => mark < _errors.Count ? _errors[mark] : null;

    /// <summary>Forgets the errors recorded since <paramref name="mark"/>, e.g. those of an <c>anyOf</c> branch that did not matter.</summary>
    public void Rollback(int mark)
    {
        if (_total > mark)
        {
            _total = mark;
            if (_errors.Count > mark)
            {
                _errors.RemoveRange(mark, _errors.Count - mark);
            }
        }
    }

    public void AddError(Keyword keyword, string message) => AddError(keyword.Name, keyword.AbsoluteLocation, keyword.CustomMessage ?? message, keywordSuffix: true, keyword.Cache);

    /// <summary>Adds an error whose message is formatted only when the error is kept, and reused when it repeats the keyword's last one.</summary>
    public void AddError(Keyword keyword, ReadOnlySpan<char> message)
    {
        if (_errors.Count >= _maxErrors)
        {
            _total++;
            return;
        }

        AddError(keyword.Name, keyword.AbsoluteLocation, keyword.CustomMessage ?? ErrorCache.Reuse(ref keyword.Cache.Message, message), keywordSuffix: true, keyword.Cache);
    }

    /// <summary>True when another error would be kept (not only counted), so a caller can skip formatting its message.</summary>
    public bool KeepsErrors => _errors.Count < _maxErrors;

    public void AddError(string keyword, string absoluteLocation, string message, bool keywordSuffix, ErrorCache? cache = null, string? property = null, string? pattern = null)
    {
        _total++;
        if (_errors.Count >= _maxErrors)
        {
            return;
        }

        _length = 0;
        for (var i = 0; i < _keywordDepth; i++)
        {
            Append(_keywordPath[i]);
        }

        if (keywordSuffix)
        {
            Append("/");
            AppendEscaped(keyword);
        }

        var keywordLocation = cache is null ? new string(_chars, 0, _length) : ErrorCache.Reuse(ref cache.KeywordLocation, _chars.AsSpan(0, _length));
        var instanceLocation = cache is null ? InstanceLocation() : InstanceLocation(ref cache.InstanceLocation);
        _errors.Add(new SchemaError(instanceLocation, keywordLocation, absoluteLocation, keyword, message) { Property = property, Pattern = pattern });
    }

    public string InstanceLocation()
    {
        string? none = null;
        return InstanceLocation(ref none);
    }

    private string InstanceLocation(ref string? cached)
    {
        if (_instanceDepth == 0)
        {
            return string.Empty;
        }

        _length = 0;
        Span<char> buffer = stackalloc char[JsonText.BufferLength];
        for (var i = 0; i < _instanceDepth; i++)
        {
            var segment = _instancePath[i];
            Append("/");
            if (segment.Index >= 0)
            {
                segment.Index.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
                Append(buffer[..written]);
            }
            else
            {
                AppendEscaped(segment.Name is { } name ? name.AsSpan() : JsonText.PropertyName(segment.Property, buffer));
            }
        }

        return ErrorCache.Reuse(ref cached, _chars.AsSpan(0, _length));
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (_length + text.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + text.Length));
        }

        text.CopyTo(_chars.AsSpan(_length));
        _length += text.Length;
    }

    /// <summary>Appends a JSON Pointer token, escaping <c>~</c> and <c>/</c> (RFC 6901).</summary>
    private void AppendEscaped(ReadOnlySpan<char> token)
    {
        while (true)
        {
            var special = token.IndexOfAny('~', '/');
            if (special < 0)
            {
                Append(token);
                return;
            }

            Append(token[..special]);
            Append(token[special] == '~' ? "~0" : "~1");
            token = token[(special + 1)..];
        }
    }

    private void PushInstance(InstanceSegment segment)
    {
        Push(ref _instancePath, ref _instanceDepth, segment);
        if (_instanceDepth > _instanceUsed)
        {
            _instanceUsed = _instanceDepth;
        }
    }

    private static void Push<T>(ref T[] stack, ref int depth, T value)
    {
        if (depth == stack.Length)
        {
            Array.Resize(ref stack, stack.Length * 2);
        }

        stack[depth++] = value;
    }

    /// <summary>One step of the instance location: a property (by name, or as the property itself so its name is read lazily) or an item index.</summary>
    private readonly record struct InstanceSegment(string? Name, int Index, JsonProperty Property);

    private readonly record struct RefFrame(SchemaNode Target, int InstanceDepth);
}
