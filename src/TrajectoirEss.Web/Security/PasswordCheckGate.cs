using Microsoft.Extensions.Options;

namespace TrajectoirEss.Web.Security;

/// <summary>
/// Password hashing is deliberately expensive (PBKDF2, 210,000 iterations: a core for a tenth of a second).
/// Logins check passwords a few at a time (<see cref="SecurityOptions.ConcurrentPasswordChecks"/>; by default
/// half the cores), the others wait their turn: a burst of logins, or someone hammering the login form,
/// slows the logins down, not every other page of the portal.
/// </summary>
public sealed class PasswordCheckGate(IOptions<SecurityOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Limit(options.Value), Limit(options.Value));

    public static int Limit(SecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ConcurrentPasswordChecks > 0 ? options.ConcurrentPasswordChecks : Math.Max(1, Environment.ProcessorCount / 2);
    }

    /// <summary>Waits for a slot; disposing the result frees it.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
