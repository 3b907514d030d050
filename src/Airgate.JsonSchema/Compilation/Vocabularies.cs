namespace Airgate.JsonSchema.Compilation;

/// <summary>The draft 2020-12 vocabularies a dialect may switch on.</summary>
[Flags]
internal enum Vocabularies
{
    None = 0,
    Core = 1,
    Applicator = 2,
    Unevaluated = 4,
    Validation = 8,
    MetaData = 16,
    FormatAnnotation = 32,
    FormatAssertion = 64,
    Content = 128,
    All = Core | Applicator | Unevaluated | Validation | MetaData | FormatAnnotation | Content,
}
