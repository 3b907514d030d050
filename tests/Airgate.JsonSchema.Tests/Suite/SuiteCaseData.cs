using System.Reflection;
using Xunit.Sdk;

namespace Airgate.JsonSchema.Tests.Suite;

/// <summary>Supplies suite case ids: the runnable ones, or (with <see cref="Skipped"/>) those on the skip list with their reasons.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SuiteCaseDataAttribute(bool skipped) : DataAttribute
{
    public bool Skipped => skipped;

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        SuiteCases.All.Keys
            .Select(id => (Id: id, Reason: SuiteCases.SkipReason(id)))
            .Where(c => (c.Reason is not null) == skipped)
            .Select(c => skipped ? new object[] { c.Id, c.Reason ?? string.Empty } : [c.Id]);
}
