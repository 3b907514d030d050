using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Airgate.Core.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace Airgate.Tests.Runs;

/// <summary>Wraps the gateway's run store and counts the calls made to it, by method name.</summary>
#pragma warning disable CA1852 // DispatchProxy derives a type from this one at run time.
internal class CountingRunStore : DispatchProxy
#pragma warning restore CA1852
{
    private IRunStore? _inner;

    public ConcurrentDictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);

    public int this[string method] => Calls.GetValueOrDefault(method);

    /// <summary>Replaces the registered store with a counting wrapper of it; the wrapper is handed to <paramref name="capture"/>.</summary>
    public static void Decorate(IServiceCollection services, Action<CountingRunStore> capture)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IRunStore));
        services.Remove(registered);
        services.AddSingleton(sp =>
        {
            var inner = (IRunStore)(registered.ImplementationFactory?.Invoke(sp) ?? registered.ImplementationInstance
                ?? ActivatorUtilities.CreateInstance(sp, registered.ImplementationType ?? throw new InvalidOperationException("No store.")));
            var proxy = Create<IRunStore, CountingRunStore>();
            var counting = (CountingRunStore)(object)proxy;
            counting._inner = inner;
            capture(counting);
            return proxy;
        });
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        Calls.AddOrUpdate(targetMethod.Name, 1, (_, n) => n + 1);
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(exception.InnerException);
            throw;
        }
    }
}
