using Microsoft.Extensions.Logging.Console;

namespace Airgate.Telemetry;

/// <summary>
/// <c>airgate dev</c> is read by a person at a terminal: one plain line per event (time, level, category, message)
/// instead of the JSON lines <c>serve</c> writes for collectors (STYLE "Options, logging, time").
/// </summary>
internal static class ReadableConsoleLogs
{
    public static WebApplicationBuilder UseReadableConsoleLogs(this WebApplicationBuilder builder)
    {
        // A formatter the developer chose (Logging:Console:FormatterName) wins.
        if (builder.Configuration["Logging:Console:FormatterName"] is not null)
        {
            return builder;
        }

        builder.Services.PostConfigure<ConsoleLoggerOptions>(options => options.FormatterName = ConsoleFormatterNames.Simple);
        builder.Services.Configure<SimpleConsoleFormatterOptions>(options =>
        {
            options.SingleLine = true;
            options.IncludeScopes = false;
            options.TimestampFormat = "HH:mm:ss ";
        });
        return builder;
    }
}
