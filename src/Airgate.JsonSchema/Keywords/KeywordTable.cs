using Airgate.JsonSchema.Compilation;

namespace Airgate.JsonSchema.Keywords;

/// <summary>Every keyword this validator evaluates, with its vocabulary; keywords not listed are annotations only.</summary>
internal static class KeywordTable
{
    private const string VocabularyPrefix = "https://json-schema.org/draft/2020-12/vocab/";
    private const string Vocabulary201909Prefix = "https://json-schema.org/draft/2019-09/vocab/";

    private static readonly Dictionary<string, Entry> Entries = new(StringComparer.Ordinal)
    {
        ["$ref"] = new(Vocabularies.Core, RefKeyword.Create),
        ["$dynamicRef"] = new(Vocabularies.Core, DynamicRefKeyword.Create),
        ["allOf"] = new(Vocabularies.Applicator, AllOfKeyword.Create),
        ["anyOf"] = new(Vocabularies.Applicator, AnyOfKeyword.Create),
        ["oneOf"] = new(Vocabularies.Applicator, OneOfKeyword.Create),
        ["not"] = new(Vocabularies.Applicator, NotKeyword.Create),
        ["if"] = new(Vocabularies.Applicator, IfKeyword.Create),
        ["prefixItems"] = new(Vocabularies.Applicator, PrefixItemsKeyword.Create),
        ["items"] = new(Vocabularies.Applicator, ItemsKeyword.Create),
        ["contains"] = new(Vocabularies.Applicator, ContainsKeyword.Create),
        ["properties"] = new(Vocabularies.Applicator, PropertiesKeyword.Create),
        ["patternProperties"] = new(Vocabularies.Applicator, PatternPropertiesKeyword.Create),
        ["additionalProperties"] = new(Vocabularies.Applicator, AdditionalPropertiesKeyword.Create),
        ["propertyNames"] = new(Vocabularies.Applicator, PropertyNamesKeyword.Create),
        ["dependentSchemas"] = new(Vocabularies.Applicator, DependentSchemasKeyword.Create),
        ["dependencies"] = new(Vocabularies.Applicator, DependenciesKeyword.Create),
        ["unevaluatedProperties"] = new(Vocabularies.Unevaluated, UnevaluatedPropertiesKeyword.Create, EvaluateLast: true),
        ["unevaluatedItems"] = new(Vocabularies.Unevaluated, UnevaluatedItemsKeyword.Create, EvaluateLast: true),
        ["type"] = new(Vocabularies.Validation, TypeKeyword.Create),
        ["enum"] = new(Vocabularies.Validation, EnumKeyword.Create),
        ["const"] = new(Vocabularies.Validation, ConstKeyword.Create),
        ["multipleOf"] = new(Vocabularies.Validation, MultipleOfKeyword.Create),
        ["minimum"] = new(Vocabularies.Validation, NumberBoundKeyword.Create),
        ["exclusiveMinimum"] = new(Vocabularies.Validation, NumberBoundKeyword.Create),
        ["maximum"] = new(Vocabularies.Validation, NumberBoundKeyword.Create),
        ["exclusiveMaximum"] = new(Vocabularies.Validation, NumberBoundKeyword.Create),
        ["minLength"] = new(Vocabularies.Validation, CountBoundKeyword.Create),
        ["maxLength"] = new(Vocabularies.Validation, CountBoundKeyword.Create),
        ["minItems"] = new(Vocabularies.Validation, CountBoundKeyword.Create),
        ["maxItems"] = new(Vocabularies.Validation, CountBoundKeyword.Create),
        ["minProperties"] = new(Vocabularies.Validation, CountBoundKeyword.Create),
        ["maxProperties"] = new(Vocabularies.Validation, CountBoundKeyword.Create),
        ["pattern"] = new(Vocabularies.Validation, PatternKeyword.Create),
        ["uniqueItems"] = new(Vocabularies.Validation, UniqueItemsKeyword.Create),
        ["required"] = new(Vocabularies.Validation, RequiredKeyword.Create),
        ["dependentRequired"] = new(Vocabularies.Validation, DependentRequiredKeyword.Create),
        ["format"] = new(Vocabularies.FormatAnnotation | Vocabularies.FormatAssertion, FormatKeyword.Create),
    };

    /// <summary>2019-09: <c>items</c> may be an array (a tuple) with <c>additionalItems</c>; <c>$recursiveRef</c> instead of <c>$dynamicRef</c>.</summary>
    private static readonly Dictionary<string, Entry> Entries201909 = Derive(
        Entries,
        remove: ["$dynamicRef", "prefixItems"],
        add: new(StringComparer.Ordinal)
        {
            ["items"] = new(Vocabularies.Applicator, ItemsKeyword.CreateLegacy),
            ["additionalItems"] = new(Vocabularies.Applicator, ItemsKeyword.CreateAdditional),
            ["$recursiveRef"] = new(Vocabularies.Core, DynamicRefKeyword.CreateRecursive),
        });

    /// <summary>Draft-07: as 2019-09 without <c>unevaluated*</c>, <c>dependentSchemas</c>, <c>dependentRequired</c> or <c>$recursiveRef</c> (and <c>$ref</c> overrides its siblings, which the compiler applies).</summary>
    private static readonly Dictionary<string, Entry> Entries7 = Derive(
        Entries201909,
        remove: ["unevaluatedProperties", "unevaluatedItems", "dependentSchemas", "dependentRequired", "$recursiveRef"],
        add: []);

    public static bool TryGet(string name, Draft draft, out Entry entry) => draft switch
    {
        Draft.V7 => Entries7.TryGetValue(name, out entry),
        Draft.V201909 => Entries201909.TryGetValue(name, out entry),
        _ => Entries.TryGetValue(name, out entry),
    };

    public static Vocabularies VocabularyOf(string uri) => uri.StartsWith(VocabularyPrefix, StringComparison.Ordinal)
        ? uri[VocabularyPrefix.Length..] switch
        {
            "core" => Vocabularies.Core,
            "applicator" => Vocabularies.Applicator,
            "unevaluated" => Vocabularies.Unevaluated,
            "validation" => Vocabularies.Validation,
            "meta-data" => Vocabularies.MetaData,
            "format-annotation" => Vocabularies.FormatAnnotation,
            "format-assertion" => Vocabularies.FormatAssertion,
            "content" => Vocabularies.Content,
            _ => Vocabularies.None,
        }
        : uri.StartsWith(Vocabulary201909Prefix, StringComparison.Ordinal)
            ? uri[Vocabulary201909Prefix.Length..] switch
            {
                "core" => Vocabularies.Core,
                "applicator" => Vocabularies.Applicator | Vocabularies.Unevaluated,
                "validation" => Vocabularies.Validation,
                "meta-data" => Vocabularies.MetaData,
                "format" => Vocabularies.FormatAnnotation,
                "content" => Vocabularies.Content,
                _ => Vocabularies.None,
            }
            : Vocabularies.None;

    private static Dictionary<string, Entry> Derive(Dictionary<string, Entry> from, string[] remove, Dictionary<string, Entry> add)
    {
        var derived = new Dictionary<string, Entry>(from, StringComparer.Ordinal);
        foreach (var name in remove)
        {
            derived.Remove(name);
        }

        foreach (var (name, entry) in add)
        {
            derived[name] = entry;
        }

        return derived;
    }

    /// <summary>How to compile one keyword.</summary>
    /// <param name="Vocabulary">The vocabulary that defines it.</param>
    /// <param name="Factory">Builds the evaluator, or returns null when the keyword has nothing to assert.</param>
    /// <param name="EvaluateLast">True for keywords that depend on what their siblings evaluated.</param>
    internal readonly record struct Entry(Vocabularies Vocabulary, Func<KeywordContext, Keyword?> Factory, bool EvaluateLast = false);
}
