using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Airgate.Runs.Events;

/// <summary>Registers the run and listing event streams: options, the shared pollers, the stream limits, the event schemas.</summary>
internal static class EventsSetup
{
    public static WebApplicationBuilder AddRunEvents(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EventsOptions>().BindConfiguration(EventsOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EventsOptions>, EventsOptionsValidator>());
        builder.Services.AddSingleton<RunWatchers>();
        builder.Services.AddSingleton<RunListingFeed>();
        builder.Services.AddSingleton<StreamLimits>();
        builder.Services.Configure<OpenApiOptions>("v1", options => options.AddDocumentTransformer<RunEventSchemas>());
        return builder;
    }
}
