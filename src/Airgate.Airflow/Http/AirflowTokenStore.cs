namespace Airgate.Airflow.Http;

/// <summary>
/// The one token shared by every request (a singleton: handlers come and go with the HttpClientFactory's rotation).
/// Logins are single-flight: concurrent callers share the login in progress, success or failure.
/// </summary>
internal sealed class AirflowTokenStore
{
    private readonly object _gate = new();
    private string? _token;
    private Task<string>? _login;

    /// <summary>The current token, or a login's; <paramref name="rejected"/> is a token Airflow refused, never answered again.</summary>
    public Task<string> GetAsync(string? rejected, Func<Task<string>> login, CancellationToken cancellationToken)
    {
        Task<string> task;
        lock (_gate)
        {
            if (_token is not null && _token != rejected)
            {
                return Task.FromResult(_token);
            }

            if (_token == rejected)
            {
                _token = null;
            }

            task = _login ??= RunAsync(login);
        }

        // Each caller may give up on its own; the shared login goes on for the others.
        return task.WaitAsync(cancellationToken);
    }

    private async Task<string> RunAsync(Func<Task<string>> login)
    {
        // Never finish inside GetAsync's lock: the finally below must run after _login is assigned.
        await Task.Yield();
        try
        {
            var token = await login();
            lock (_gate)
            {
                _token = token;
            }

            return token;
        }
        finally
        {
            lock (_gate)
            {
                _login = null;
            }
        }
    }
}
