namespace Airgate.Configuration;

/// <summary>A marker the start-up check hangs on (options validation is how ASP.NET Core checks at start); it has no keys.</summary>
internal sealed record ConfigurationCheckOptions;
