namespace Airgate.AirflowEmulator.Hosting;

/// <summary>Applies <see cref="EmulatorFaults"/> to each request: latency, canned statuses, garbage, hangs and lost answers.</summary>
internal sealed class FaultMiddleware(EmulatorFaults faults, bool inMemory)
{
    /// <summary>Tells <see cref="InMemoryTransportHandler"/> (in-memory host) to turn this response into a dropped connection.</summary>
    public const string DropMarker = "X-Airgate-Emulator-Drop-Connection";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var method = context.Request.Method;
        var path = RequestRecorder.RawTarget(context).Split('?', 2)[0];
        if (path.StartsWith(Control.ControlEndpoints.Prefix + "/", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        // A delayed or hanging request ends when the client gives up or the emulator stops, whichever is first,
        // so disposing the emulator never waits for the host's shutdown timeout.
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var endOfRequest = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var latency = faults.LatencyFor(method, path);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, endOfRequest.Token);
        }

        switch (faults.Take(method, path))
        {
            case null:
                await next(context);
                break;
            case { Kind: RequestFaultKind.Status } fault:
                context.Response.StatusCode = fault.StatusCode;
                if (fault.RetryAfter is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync($"<html><body><h1>{fault.StatusCode}</h1>Injected by the Airflow emulator.</body></html>", context.RequestAborted);
                break;
            case { Kind: RequestFaultKind.AwsError } fault:
                await Mwaa.MwaaAnswers.AwsErrorAsync(context, fault.StatusCode, fault.AwsError ?? "InternalServerException", fault.AwsMessage, fault.RetryAfter);
                break;
            case { Kind: RequestFaultKind.Garbage }:
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"dag_runs\": [{\"dag_id\": <html>garbage", context.RequestAborted);
                break;
            case { Kind: RequestFaultKind.Hang }:
                await HangAsync(endOfRequest.Token);

                // A hang never answers: whoever ends it (client or shutdown) sees the connection go.
                context.Abort();
                break;
            case { Kind: RequestFaultKind.Latency, RetryAfter: { } delay }:
                await Task.Delay(delay, endOfRequest.Token);
                await next(context);
                break;
            case { Kind: RequestFaultKind.LoseAnswer } fault:
                await LoseAnswerAsync(context, next, fault.How);
                break;
        }
    }

    private static async Task HangAsync(CancellationToken aborted)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, aborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up, which is the point.
        }
    }

    private async Task LoseAnswerAsync(HttpContext context, RequestDelegate next, LostAnswer how)
    {
        var original = context.Response.Body;
        using var discarded = new MemoryStream();
        context.Response.Body = discarded;
        await next(context);
        context.Response.Body = original;
        context.Response.Clear();
        if (how == LostAnswer.GatewayTimeout)
        {
            context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html><body><h1>504 Gateway Time-out</h1></body></html>", context.RequestAborted);
        }
        else if (inMemory)
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            context.Response.Headers[DropMarker] = "1";
        }
        else
        {
            context.Abort();
        }
    }
}
