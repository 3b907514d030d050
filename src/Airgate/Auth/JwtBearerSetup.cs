using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Airgate.Auth;

/// <summary>
/// Jwt mode on Microsoft's JwtBearer handler: IdentityModel checks the signature, <c>iss</c>, <c>aud</c>, the algorithm
/// and the lifetime (on the injected clock); our checks run on top of it: <see cref="JwtTokenShape"/> before it (size,
/// structure, <c>alg</c>, <c>crit</c>, <c>typ</c>, <c>exp</c> required), the keys from <see cref="JwksKeySource"/> (cached,
/// refreshed on an unknown <c>kid</c> at most once a minute), the user claims after it (<see cref="JwtClaimsReader"/>),
/// and every answer as a problem (<see cref="AuthChallenge"/>).
/// </summary>
internal sealed class JwtBearerSetup(JwksKeySource keySource, IOptions<AuthOptions> authOptions, TimeProvider time, ILoggerFactory loggerFactory)
{
    private const string MissingCredentialDetail = "Send a token from the identity provider as 'Authorization: Bearer <token>'.";
    private static readonly object ShapeKey = new();

    private readonly JwtOptions _options = authOptions.Value.Jwt;
    private readonly IReadOnlyList<string> _algorithms = authOptions.Value.Jwt.AcceptedAlgorithms();
    private readonly string? _tokenType = string.IsNullOrWhiteSpace(authOptions.Value.Jwt.TokenType) ? null : authOptions.Value.Jwt.TokenType;
    private readonly JwtClaimsReader _claims = new(authOptions.Value.Jwt);
    private readonly ILogger _logger = loggerFactory.CreateLogger("Airgate.Auth.Jwt");

    public void Configure(JwtBearerOptions options)
    {
        options.TimeProvider = time;
        options.MapInboundClaims = false;
        options.SaveToken = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = _options.ExpectedIssuer,
            ValidAudience = _options.Audience,
            ValidAlgorithms = _algorithms,
            ClockSkew = _options.ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            // Keys come only from the configured JWKS: 'jwk', 'jku' and 'x5u' headers are attacker-controlled and ignored.
            // IdentityModel passes an empty kid when the token names none: then every fitting key is tried.
            IssuerSigningKeyResolver = (_, token, kid, _) => keySource.Current
                .Where(k => (string.IsNullOrEmpty(kid) || k.Kid == kid) && (token is not JsonWebToken jwt || k.Fits(jwt.Alg)))
                .Select(k => (SecurityKey)k.Key),
            LifetimeValidator = ValidateLifetime,
        };
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = MessageReceivedAsync,
            OnAuthenticationFailed = context =>
            {
                Refuse(context, context.Exception);
                return Task.CompletedTask;
            },
            OnTokenValidated = context =>
            {
                try
                {
                    var shape = context.HttpContext.Items[ShapeKey] as JwtTokenShape ?? throw new AuthFailure("The credentials could not be checked.");
                    var user = _claims.Read(shape.Payload);
                    context.Principal = new ClaimsPrincipal(AirgateAuthenticationHandler.CreateIdentity(AuthSchemes.Jwt, user.Id, user.Name, user.Roles));
                }
                catch (AuthFailure failure)
                {
                    Refuse(context, failure);
                }

                return Task.CompletedTask;
            },
            OnChallenge = context =>
            {
                context.HandleResponse();
                var failure = context.AuthenticateFailure as AuthFailure ?? new AuthFailure(MissingCredentialDetail) { CredentialPresented = false };
                return AuthChallenge.WriteAsync(context.HttpContext, failure);
            },
            OnForbidden = context => AuthChallenge.WriteForbiddenAsync(context.HttpContext),
        };
    }

    private async Task MessageReceivedAsync(MessageReceivedContext context)
    {
        try
        {
            if (BearerToken.Read(context.Request.Headers.Authorization) is not { } token)
            {
                context.NoResult();
                return;
            }

            var shape = JwtTokenShape.Read(token, _algorithms, _tokenType);
            await EnsureKeyAsync(shape, context.HttpContext.RequestAborted);
            context.HttpContext.Items[ShapeKey] = shape;
            context.Token = token;
        }
        catch (AuthFailure failure)
        {
            Refuse(context, failure);
        }
        catch (OperationCanceledException) when (context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            context.Fail(new AuthFailure("The request was cancelled."));
        }
    }

    /// <summary>Loads the keys IdentityModel's resolver will offer; an unknown <c>kid</c> reloads them (at most once a minute).</summary>
    private async ValueTask EnsureKeyAsync(JwtTokenShape shape, CancellationToken cancellationToken)
    {
        var keys = await keySource.GetAsync(cancellationToken);
        if (shape.Kid is { } kid)
        {
            if (!keys.Any(k => k.Kid == kid))
            {
                keys = await keySource.ReloadForUnknownKidAsync(kid, cancellationToken);
            }

            keys = [.. keys.Where(k => k.Kid == kid)];
            if (keys.Count == 0)
            {
                throw new AuthFailure("The token was signed with a key this service does not know (unknown 'kid').");
            }
        }

        if (!keys.Any(k => k.Fits(shape.Alg)))
        {
            throw new AuthFailure(shape.Kid is null
                ? "No signing key of the identity provider fits the token's algorithm."
                : "The key named by the token's 'kid' does not fit the token's algorithm.");
        }
    }

    /// <summary>On the injected clock; <c>exp</c> is compared by subtracting from now, so a year-9999 token does not overflow.</summary>
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is not { } exp)
        {
            throw new SecurityTokenNoExpirationException();
        }

        if (now - _options.ClockSkew >= exp)
        {
            throw new SecurityTokenExpiredException();
        }

        if (notBefore is { } nbf && now + _options.ClockSkew < nbf)
        {
            throw new SecurityTokenNotYetValidException();
        }

        return true;
    }

    private void Refuse<TOptions>(Microsoft.AspNetCore.Authentication.ResultContext<TOptions> context, Exception exception)
        where TOptions : Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions
    {
        if (JwtFailures.Map(exception, _algorithms) is { } failure)
        {
            AuthLog.Refused(_logger, AuthMode.Jwt, failure.Message);
            context.Fail(failure);
            return;
        }

        AuthLog.Unexpected(_logger, AuthMode.Jwt, exception);
        context.Fail(new AuthFailure("The credentials could not be checked."));
    }
}
