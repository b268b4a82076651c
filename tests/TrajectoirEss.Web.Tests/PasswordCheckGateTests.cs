using Microsoft.Extensions.Options;
using TrajectoirEss.Web.Security;

namespace TrajectoirEss.Web.Tests;

public sealed class PasswordCheckGateTests
{
    [Fact]
    public async Task BeyondTheLimit_ALoginWaitsForASlot()
    {
        using var gate = new PasswordCheckGate(Options.Create(new SecurityOptions { ConcurrentPasswordChecks = 1 }));

        var first = await gate.EnterAsync(CancellationToken.None);
        var second = gate.EnterAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        first.Dispose();
        first.Dispose(); // freeing twice frees one slot only
        using (await second.WaitAsync(TimeSpan.FromSeconds(5)))
        {
            Assert.False(gate.EnterAsync(CancellationToken.None).IsCompleted);
        }
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 3)]
    public void Limit_IsTheSettingOrHalfTheCores(int setting, int atLeast)
    {
        var limit = PasswordCheckGate.Limit(new SecurityOptions { ConcurrentPasswordChecks = setting });

        Assert.True(limit >= atLeast);
        Assert.Equal(setting > 0 ? setting : Math.Max(1, Environment.ProcessorCount / 2), limit);
    }
}
