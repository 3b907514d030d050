using Xunit.Abstractions;
using Xunit.Sdk;

namespace Airgate.Storage.Tests.Infrastructure;

internal static class SkippedTestCase
{
    public static IEnumerable<IXunitTestCase>? For(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod testMethod)
    {
        var reason = RequiresPostgresAttribute.SkipReasonFor(testMethod.TestClass.Class.ToRuntimeType());
        return reason is null
            ? null
            : [new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod, reason)];
    }
}
