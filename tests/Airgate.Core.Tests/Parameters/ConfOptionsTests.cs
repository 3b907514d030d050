using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Airgate.Core.Parameters.Tests;

public sealed class ConfOptionsTests
{
    private static ConfOptions Bind(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddTriggerConf();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ConfOptions>>().Value;
    }

    [Fact]
    public void AddTriggerConf_NothingConfigured_UsesTheSpecNames()
    {
        Bind([]).ShouldBe(ConfOptions.Default);
    }

    [Fact]
    public void AddTriggerConf_Configured_BindsTheKeys()
    {
        var options = Bind(new() { ["Airgate:Conf:PipelineConfigsKey"] = "dapConfigs", ["Airgate:Conf:IdentityKey"] = "gateway" });

        options.PipelineConfigsKey.ShouldBe("dapConfigs");
        options.IdentityKey.ShouldBe("gateway");
        options.PipelineIdKey.ShouldBe("pipelineId");
    }

    [Fact]
    public void AddTriggerConf_ClashingKeys_FailWithTheKeyNames()
    {
        var failure = Should.Throw<OptionsValidationException>(() => Bind(new() { ["Airgate:Conf:PipelineConfigsKey"] = "airgate", ["Airgate:Conf:UserNameKey"] = " " }));

        failure.Message.ShouldContain("Airgate:Conf:PipelineConfigsKey and IdentityKey are both 'airgate'");
        failure.Message.ShouldContain("Airgate:Conf:UserNameKey is empty");
    }
}
