namespace Airgate.Core.Profiles;

/// <summary>A profile as read from one file, with what is needed to point problems back into that file.</summary>
internal sealed record ProfileFile(PipelineProfile Profile, string File, ProfileFileForm Form)
{
    /// <summary>The registry file the parameter schema was read from when the profile names one (<c>parameters_schema_file</c>); null when inline.</summary>
    public string? SchemaFile { get; init; }

    /// <summary>The file that problems in the parameter schema point into.</summary>
    public string SchemaFileName => SchemaFile ?? File;

    public string Stem { get; } = Path.GetFileNameWithoutExtension(File);

    public string IdPointer => Form == ProfileFileForm.Native ? "/id" : "/pipelineId";

    public string NamePointer => Form == ProfileFileForm.Native ? "/name" : "/pipelineName";

    /// <summary>Where the parameter schema starts inside <see cref="SchemaFileName"/>.</summary>
    public string SchemaPointer => SchemaFile is not null ? string.Empty : Form == ProfileFileForm.Native ? "/parameters_schema" : "/parametersSchema";

    public static string InheritsPointer => "/inherits";
}
