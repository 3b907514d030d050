using System.Globalization;
using System.Text.Json.Nodes;

namespace Airgate.AirflowEmulator.Mwaa;

/// <summary>How Amazon MWAA answers its own errors: a status, <c>x-amzn-errortype</c> and a JSON <c>message</c>.</summary>
internal static class MwaaAnswers
{
    public const string ErrorTypeHeader = "x-amzn-errortype";

    /// <summary>Set on an answer that is already MWAA's own (an injected AWS error): the MWAA layer must not wrap it.</summary>
    public const string AwsAnswerMarker = "X-Airgate-Emulator-Aws-Answer";

    /// <summary>The status AWS answers an error type with.</summary>
    public static int StatusOf(string errorType) => errorType switch
    {
        "AccessDeniedException" or "InvalidSignatureException" or "MissingAuthenticationTokenException" or "UnrecognizedClientException" or "ExpiredTokenException" => 403,
        "ResourceNotFoundException" => 404,
        "ThrottlingException" => 429,
        "InternalServerException" => 500,
        _ => 400,
    };

    public static async Task AwsErrorAsync(HttpContext context, int status, string errorType, string? message, TimeSpan? retryAfter = null)
    {
        context.Response.StatusCode = status;
        context.Response.Headers[ErrorTypeHeader] = errorType;
        context.Response.Headers[AwsAnswerMarker] = "1";
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["message"] = message ?? errorType }.ToJsonString(), context.RequestAborted);
    }
}
