using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Airgate.Airflow.Http.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Airgate.Airflow.Http;

/// <summary>
/// Adds <c>Authorization: Bearer</c> to every <c>/api/v2</c> request: a static token as configured, or one from
/// <c>POST /auth/token</c>, renewed once when Airflow refuses it (the request is replayed with its buffered body).
/// </summary>
internal sealed class AirflowTokenHandler(AirflowTokenStore store, IOptions<AirflowOptions> options, TimeProvider time, ILogger<AirflowTokenHandler> logger) : DelegatingHandler
{
    /// <summary>Set on requests Airflow answers without a token (version, health), so a broken login does not hide them.</summary>
    public static readonly HttpRequestOptionsKey<bool> Anonymous = new("Airgate.Airflow.Anonymous");

    /// <summary>The logged path of the request, without its query.</summary>
    public static readonly HttpRequestOptionsKey<string> LogPath = new("Airgate.Airflow.LogPath");

    /// <summary>The API the request is for: <c>/api/v1</c> takes basic auth (or the static token) and has no login.</summary>
    public static readonly HttpRequestOptionsKey<AirflowApiVersion> ApiVersion = new("Airgate.Airflow.ApiVersion");

    private readonly AirflowOptions _options = options.Value;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(Anonymous, out var anonymous) && anonymous)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        if (request.Options.TryGetValue(ApiVersion, out var version) && version == AirflowApiVersion.V1)
        {
            // Airflow 2 has no token endpoint: basic auth on every request (or a deployment's own bearer token), and
            // nothing to renew, so a 401 is the caller's Unauthorized as it stands.
            request.Headers.Authorization = _options.UsesStaticToken
                ? new AuthenticationHeaderValue("Bearer", _options.Token)
                : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.Username}:{_options.Password}")));
            return await base.SendAsync(request, cancellationToken);
        }

        if (_options.UsesStaticToken)
        {
            Authorize(request, _options.Token);
            return await base.SendAsync(request, cancellationToken);
        }

        var token = await store.GetAsync(rejected: null, LogInAsync, cancellationToken);
        if (request.Content is not null)
        {
            // Buffer the body so the request can be replayed after a new login.
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }

        Authorize(request, token);
        var response = await base.SendAsync(request, cancellationToken);
        if (!await IsTokenRefusedAsync(response, cancellationToken))
        {
            return response;
        }

        var path = PathOf(request);
        AirflowLog.TokenRejected(logger, request.Method.Method, path, (int)response.StatusCode);
        response.Dispose();
        token = await store.GetAsync(rejected: token, LogInAsync, cancellationToken);
        var replay = await CloneAsync(request, cancellationToken);
        Authorize(replay, token);

        // Once only: a second refusal is the client's Unauthorized.
        return await base.SendAsync(replay, cancellationToken);
    }

    private static void Authorize(HttpRequestMessage request, string? token) =>
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

    private static async Task<bool> IsTokenRefusedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return true;
        }

        if (response.StatusCode != HttpStatusCode.Forbidden)
        {
            return false;
        }

        // 403 "Invalid JWT token": a token signed with a key Airflow no longer has (it restarted with a new secret).
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return AirflowFailures.IsBadToken(AirflowFailures.Detail(body));
    }

    [SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope", Justification = "The replayed content belongs to the replayed request.")]
    private static async Task<HttpRequestMessage> CloneAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var header in request.Headers)
        {
            clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var option in request.Options)
        {
            clone.Options.Set(new HttpRequestOptionsKey<object?>(option.Key), option.Value);
        }

        if (request.Content is not null)
        {
            var content = new ByteArrayContent(await request.Content.ReadAsByteArrayAsync(cancellationToken));
            foreach (var header in request.Content.Headers)
            {
                content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            clone.Content = content;
        }

        return clone;
    }

    private static string PathOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(LogPath, out var path) ? path : request.RequestUri?.AbsolutePath ?? string.Empty;

    private async Task<string> LogInAsync()
    {
        var uri = AirflowSender.ResolveUri(_options, "auth/token");
        const string path = "/auth/token";

        // The login is shared by every waiting request: it keeps its own timeout rather than the first caller's cancellation.
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, time);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = JsonContent.Create(new LoginBody(_options.Username ?? string.Empty, _options.Password ?? string.Empty), options: AirflowJson.Options),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            AirflowLog.LoginFailed(logger, path, AirflowError.Timeout, null);
            throw new AirflowLoginException(new AirflowFailure(AirflowError.Timeout, null, $"Airflow did not answer the login within {_options.RequestTimeout.TotalSeconds:0.###} s."));
        }

        using (response)
        {
            byte[] body;
            try
            {
                body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                throw new AirflowLoginException(new AirflowFailure(AirflowError.Timeout, null, "Airflow did not finish answering the login in time."));
            }

            var status = (int)response.StatusCode;
            if (AirflowFailures.FromStatus(status, body, response.Headers.RetryAfter, time.GetUtcNow()) is { } failure)
            {
                // 401 and 403 from /auth/token are about the credentials. Anything else means the URL does not lead to
                // Airflow's login (a 404 from a wrong base path, say): a bad gateway, never the client's "not found".
                var kind = status is 401 or 403 ? AirflowError.Unauthorized : AirflowError.InvalidResponse;
                AirflowLog.LoginFailed(logger, path, kind, status);
                throw new AirflowLoginException(failure with { Error = kind, Detail = $"Airflow login failed: {failure.Detail}" });
            }

            var token = ReadToken(body);
            if (token is null)
            {
                AirflowLog.LoginFailed(logger, path, AirflowError.InvalidResponse, status);
                throw new AirflowLoginException(new AirflowFailure(AirflowError.InvalidResponse, status, "Airflow's login answer carried no access_token."));
            }

            AirflowLog.LoggedIn(logger, path);
            return token;
        }
    }

    private static string? ReadToken(byte[] body)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<LoginAnswer>(body, AirflowJson.Options)?.AccessToken is { Length: > 0 } token ? token : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
