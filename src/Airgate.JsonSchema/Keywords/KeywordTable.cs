using Airgate.JsonSchema.Compilation;

namespace Airgate.JsonSchema.Keywords;

/// <summary>Every keyword this validator evaluates, with its vocabulary; keywords not listed are annotations only.</summary>
internal static class KeywordTable
{
    private const string VocabularyPrefix = "https://json-schema.org/draft/2020-12/vocab/";

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

    public static bool TryGet(string name, out Entry entry) => Entries.TryGetValue(name, out entry);

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
        : Vocabularies.None;

    /// <summary>How to compile one keyword.</summary>
    /// <param name="Vocabulary">The vocabulary that defines it.</param>
    /// <param name="Factory">Builds the evaluator, or returns null when the keyword has nothing to assert.</param>
    /// <param name="EvaluateLast">True for keywords that depend on what their siblings evaluated.</param>
    internal readonly record struct Entry(Vocabularies Vocabulary, Func<KeywordContext, Keyword?> Factory, bool EvaluateLast = false);
}
