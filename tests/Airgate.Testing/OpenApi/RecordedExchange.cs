namespace Airgate.Testing.OpenApi;

/// <summary>A request and the answer it got, as <see cref="RecordingHandler"/> saw them.</summary>
/// <param name="Request">The request as sent.</param>
/// <param name="Status">The answer's HTTP status.</param>
/// <param name="ResponseBody">The answer's body text, or null when it had no content.</param>
/// <param name="MediaType">The answer's media type, when it said one.</param>
public sealed record RecordedExchange(RecordedRequest Request, int Status, string? ResponseBody, string? MediaType = null);
