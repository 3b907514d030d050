namespace Airgate.Core.Parameters;

/// <summary>
/// A parsed request and every error found. With errors, <see cref="Request"/> may still hold what could be read (the
/// pipelines that resolved), so their parameters can be validated in the same answer; never trigger from it.
/// </summary>
public sealed record TriggerParseResult(TriggerRequest? Request, IReadOnlyList<ParameterError> Errors)
{
    public bool Succeeded => Request is not null && Errors.Count == 0;
}
