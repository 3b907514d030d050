using Xunit.Abstractions;
using Xunit.Sdk;

namespace Airgate.Storage.Tests.Infrastructure;

public sealed class StoreTheoryDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private readonly TheoryDiscoverer _inner = new(diagnosticMessageSink);

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        SkippedTestCase.For(diagnosticMessageSink, discoveryOptions, testMethod) ?? _inner.Discover(discoveryOptions, testMethod, factAttribute);
}
