namespace Airgate.Core.Parameters;

/// <summary>A parsed request, or every reason it could not be parsed.</summary>
public sealed record TriggerParseResult(TriggerRequest? Request, IReadOnlyList<ParameterError> Errors)
{
    public bool Succeeded => Request is not null && Errors.Count == 0;
}
