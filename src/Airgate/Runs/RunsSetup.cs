using Airgate.Runs.Events;
using Airgate.Runs.Mirror;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Airgate.Runs;

/// <summary>Registers what the run endpoints need beyond the store: trigger service, run sync, reconciler.</summary>
internal static class RunsSetup
{
    public static WebApplicationBuilder AddRuns(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RunsOptions>().BindConfiguration(RunsOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RunsOptions>, RunsOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RunSettler>();
        builder.Services.AddSingleton<RunTrigger>();
        builder.Services.AddSingleton<RunSync>();
        builder.Services.AddSingleton<RunBackfill>();
        builder.Services.AddSingleton<RunRetention>();
        builder.Services.AddSingleton<MirrorLeadership>();
        builder.Services.AddSingleton<RunMirror>();
        builder.Services.AddHostedService<RunMirrorWorker>();
        builder.Services.AddSingleton<RunLookup>();
        builder.Services.AddOptions<Logs.LogsOptions>().BindConfiguration(Logs.LogsOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Logs.LogsOptions>, Logs.LogsOptionsValidator>());
        builder.Services.AddSingleton<Logs.TaskLogFollowers>();
        builder.Services.AddHostedService<RunReconciler>();
        builder.AddRunEvents();
        return builder;
    }
}
