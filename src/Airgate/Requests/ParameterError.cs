namespace Airgate.Requests;

/// <summary>One bad query or path parameter: which one and what it must be.</summary>
internal sealed record ParameterError(string Parameter, string Message);
