using Airgate.AirflowEmulator;
using Airgate.Runs.Events;
using Airgate.Testing;
using Airgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Airgate.Tests.Runs.Events;

/// <summary>
/// A gateway and its emulator on one <see cref="FakeTimeProvider"/>: pollers, keep-alives and the emulated runs' progress
/// move only when a test advances the clock.
/// </summary>
internal sealed class EventsGateway : IAsyncDisposable
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private EventsGateway(Action<GatewayOptions>? configure)
    {
        Emulator = new AirflowEmulator.AirflowEmulator(new EmulatorOptions
        {
            FixturesPath = Path.Combine(RepositoryPaths.Root, "examples", "emulator", "dags"),
            QueueDelay = TimeSpan.FromSeconds(1),
            TaskDuration = TimeSpan.FromSeconds(3),
        }, Clock);
        Gateway = Gateway.Start(options =>
        {
            options.SharedEmulator = Emulator;
            // Retries would wait on the fake clock; a failed poll is what these tests want to see anyway.
            options.Settings["Airgate:Airflow:MaxRetries"] = "0";
            configure?.Invoke(options);
            var more = options.ConfigureServices;
            options.ConfigureServices = services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
                more?.Invoke(services);
            };
        });
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero));

    public AirflowEmulator.AirflowEmulator Emulator { get; }

    public Gateway Gateway { get; }

    public RunWatchers Watchers => Gateway.Services.GetRequiredService<RunWatchers>();

    public RunListingFeed Feed => Gateway.Services.GetRequiredService<RunListingFeed>();

    public static EventsGateway Start(Action<GatewayOptions>? configure = null) => new(configure);

    /// <summary>Waits (bounded by the guard) until <paramref name="condition"/> holds.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        using var guard = new CancellationTokenSource(SseStream.Guard);
        while (!condition())
        {
            if (guard.IsCancellationRequested)
            {
                throw new TimeoutException($"Still not true after {SseStream.Guard.TotalSeconds} s: {what}");
            }

            await Task.Delay(10, CancellationToken.None);
        }
    }

    /// <summary>Moves the clock one poll interval and waits until the run pollers have polled once more.</summary>
    public async Task PollOnceAsync()
    {
        var before = Watchers.Polls;
        Clock.Advance(PollInterval);
        await EventuallyAsync(() => Watchers.Polls > before, "a run poller polled");
    }

    /// <summary>Advances poll by poll until the stream has an event named <paramref name="name"/> (or closed), at most <paramref name="polls"/> times.</summary>
    public async Task PollUntilAsync(SseStream stream, string name, int polls = 60)
    {
        for (var i = 0; i < polls && !stream.Received.Any(e => e.Name == name); i++)
        {
            var before = Watchers.Polls;
            Clock.Advance(PollInterval);
            await EventuallyAsync(() => Watchers.Polls > before || stream.Received.Any(e => e.Name == name) || stream.Closed, "a poll or the event " + name);
        }

        await EventuallyAsync(() => stream.Received.Any(e => e.Name == name), "the event " + name);
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
