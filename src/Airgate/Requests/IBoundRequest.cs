namespace Airgate.Requests;

/// <summary>
/// A typed set of query parameters and headers, bound strictly by <see cref="RequestBinder"/>: every bad value is kept
/// in <see cref="Errors"/> (never thrown), so the handler answers one 400 naming all of them, path checks included.
/// The same properties describe the parameters in the OpenAPI document, so document and handler cannot disagree.
/// </summary>
internal interface IBoundRequest
{
    IReadOnlyList<ParameterError> Errors { get; }
}
