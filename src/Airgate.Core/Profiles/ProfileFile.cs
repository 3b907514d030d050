namespace Airgate.Core.Profiles;

/// <summary>A profile as read from one file, with what is needed to point problems back into that file.</summary>
internal sealed record ProfileFile(PipelineProfile Profile, string File, ProfileFileForm Form)
{
    public string Stem { get; } = Path.GetFileNameWithoutExtension(File);

    public string IdPointer => Form == ProfileFileForm.Native ? "/id" : "/pipelineId";

    public string NamePointer => Form == ProfileFileForm.Native ? "/name" : "/pipelineName";

    public string SchemaPointer => Form == ProfileFileForm.Native ? "/parameters_schema" : "/parametersSchema";

    public static string InheritsPointer => "/inherits";
}
