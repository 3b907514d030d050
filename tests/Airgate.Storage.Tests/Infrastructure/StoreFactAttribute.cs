using Xunit.Sdk;

namespace Airgate.Storage.Tests.Infrastructure;

/// <summary>
/// A fact of the store contract. The contract's tests are inherited by one class per database, so whether to skip
/// depends on the concrete class, which a plain <c>Skip</c> (fixed on the base method) cannot express: the discoverer
/// decides per class (see <see cref="RequiresPostgresAttribute"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Airgate.Storage.Tests.Infrastructure.StoreFactDiscoverer", "Airgate.Storage.Tests")]
public sealed class StoreFactAttribute : FactAttribute;
