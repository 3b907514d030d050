using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Airgate.Auth;

/// <summary>
/// The provider's signing keys, from <c>Jwt:Authority</c> (OpenID Connect discovery), <c>Jwt:JwksUrl</c> or
/// <c>Jwt:JwksFile</c>: loaded on first use, kept
/// for an hour, and reloaded early when a token names an unknown <c>kid</c> (key rotation), but never more
/// than once a minute, so a stream of forged kids cannot hammer the provider.
/// </summary>
internal sealed class JwksKeySource(
    IHttpClientFactory httpClientFactory,
    IOptions<AuthOptions> options,
    TimeProvider time,
    ILogger<JwksKeySource> logger) : IDisposable
{
    public const string HttpClientName = "Airgate.Auth.Jwks";
    public static readonly TimeSpan MinReloadInterval = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromHours(1);
    private const int MaxJwksBytes = 256 * 1024;

    private readonly JwtOptions _options = options.Value.Jwt;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _snapshot;
    private DateTimeOffset? _lastAttempt;

    private string Source => _options.JwksFile is { Length: > 0 } file
        ? file
        : new Uri((_options.Authority is { Length: > 0 } authority ? DiscoveryUrl(authority) : _options.JwksUrl) ?? string.Empty, UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } uri
            ? uri.GetLeftPart(UriPartial.Path)
            : "(no JWKS configured)";

    /// <summary>The current keys; throws a 503 <see cref="AuthFailure"/> when none could be loaded yet.</summary>
    public async ValueTask<IReadOnlyList<SigningKey>> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null && time.GetUtcNow() - snapshot.LoadedAt < CacheLifetime)
        {
            return snapshot.Keys;
        }

        return await ReloadAsync(unknownKid: null, cancellationToken);
    }

    /// <summary>The keys loaded last (none before the first load): what IdentityModel's key resolver offers.</summary>
    public IReadOnlyList<SigningKey> Current => Volatile.Read(ref _snapshot)?.Keys ?? [];

    /// <summary>Reloads because a token named <paramref name="kid"/>, unless a load was tried less than a minute ago.</summary>
    public ValueTask<IReadOnlyList<SigningKey>> ReloadForUnknownKidAsync(string kid, CancellationToken cancellationToken) =>
        ReloadAsync(kid, cancellationToken);

    public void Dispose() => _gate.Dispose();

    private async ValueTask<IReadOnlyList<SigningKey>> ReloadAsync(string? unknownKid, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (_lastAttempt is { } last && now - last < MinReloadInterval)
            {
                return _snapshot?.Keys ?? throw Unavailable(MinReloadInterval - (now - last));
            }

            _lastAttempt = now;
            if (unknownKid is not null)
            {
                AuthLog.UnknownKid(logger, unknownKid, Source);
            }

            try
            {
                // Not the request's token: a caller hanging up mid-load must not leave everyone without keys for a minute.
                // HttpClient.Timeout bounds the load instead.
                var keys = JsonWebKeySetParser.Parse(await LoadAsync(CancellationToken.None), (kid, reason) => AuthLog.JwkSkipped(logger, kid, Source, reason));
                Volatile.Write(ref _snapshot, new Snapshot(keys, now));
                AuthLog.JwksLoaded(logger, keys.Count, Source);
                return keys;
            }
            catch (Exception exception) when (exception is HttpRequestException or JsonException or IOException or UnauthorizedAccessException
                                                  or InvalidDataException or OperationCanceledException)
            {
                AuthLog.JwksLoadFailed(logger, Source, exception);
                // Keys that were good a moment ago beat no keys while the provider has a bad minute.
                return _snapshot?.Keys ?? throw Unavailable(MinReloadInterval);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<ReadOnlyMemory<byte>> LoadAsync(CancellationToken cancellationToken)
    {
        if (_options.JwksFile is { Length: > 0 } file)
        {
            var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
            return bytes.Length > MaxJwksBytes ? throw new InvalidDataException($"The JWKS is larger than {MaxJwksBytes} bytes.") : bytes;
        }

        var client = httpClientFactory.CreateClient(HttpClientName);
        var jwksUrl = _options.Authority is { Length: > 0 } authority
            ? await DiscoverJwksUrlAsync(client, authority, cancellationToken)
            : new Uri(_options.JwksUrl ?? string.Empty);
        return await ReadBoundedAsync(client, jwksUrl, cancellationToken);
    }

    /// <summary>
    /// OpenID Connect discovery: the document at the issuer URL must name that same issuer (Discovery 1.0, 4.3) and a
    /// <c>jwks_uri</c> we would accept in configuration (https, or http on loopback).
    /// </summary>
    private async Task<Uri> DiscoverJwksUrlAsync(HttpClient client, string authority, CancellationToken cancellationToken)
    {
        var document = await ReadBoundedAsync(client, new Uri(DiscoveryUrl(authority)), cancellationToken);
        using var json = JsonDocument.Parse(document);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("issuer", out var issuer) || issuer.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("jwks_uri", out var jwksUri) || jwksUri.ValueKind != JsonValueKind.String)
        {
            throw new InvalidDataException("The discovery document has no 'issuer' or 'jwks_uri'.");
        }

        if (!string.Equals(issuer.GetString(), _options.ExpectedIssuer, StringComparison.Ordinal))
        {
            throw new InvalidDataException("The discovery document names another issuer than the configured one.");
        }

        return jwksUri.GetString() is { } jwks && AuthOptionsValidator.IsAcceptableJwksUrl(jwks)
            ? new Uri(jwks)
            : throw new InvalidDataException("The discovery document's 'jwks_uri' is not an https address (or http on loopback).");
    }

    private static string DiscoveryUrl(string authority) => authority.TrimEnd('/') + "/.well-known/openid-configuration";

    private static async Task<ReadOnlyMemory<byte>> ReadBoundedAsync(HttpClient client, Uri url, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > MaxJwksBytes)
        {
            throw new InvalidDataException($"The answer from the identity provider is larger than {MaxJwksBytes} bytes.");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxJwksBytes)
            {
                throw new InvalidDataException($"The answer from the identity provider is larger than {MaxJwksBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static AuthFailure Unavailable(TimeSpan retryAfter) =>
        new("The identity provider's signing keys could not be loaded; try again shortly.", StatusCodes.Status503ServiceUnavailable, retryAfter);

    private sealed record Snapshot(IReadOnlyList<SigningKey> Keys, DateTimeOffset LoadedAt);
}
