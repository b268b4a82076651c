using System.Security.Cryptography;

namespace TrajectoirEss.Infrastructure.Email;

/// <summary>
/// An e-mail in the outbox (table <c>outbox_messages</c>): written in the same transaction as the change it
/// announces, then delivered by <see cref="OutboxDispatcher"/>. Waiting while neither <see cref="SentAt"/> nor
/// <see cref="FailedAt"/> is set; each failed attempt pushes <see cref="NextAttemptAt"/> back (30 s, doubling, at
/// most one hour) until <see cref="EmailOptions.MaxAttempts"/>, when it is given up and shown to administrators.
/// </summary>
public sealed class OutboxMessage
{
    public const int AddressMaxLength = 256;
    public const int NameMaxLength = 256;
    public const int SubjectMaxLength = 500;
    public const int ErrorMaxLength = 1000;

    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromHours(1);

    // The last id's time and counter (NewId).
    private static readonly Lock IdGate = new();
    private static long _lastMillisecond;
    private static int _counter;

    private OutboxMessage()
    {
    }

    public Guid Id { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string ToAddress { get; private set; } = string.Empty;

    public string ToName { get; private set; } = string.Empty;

    public string Subject { get; private set; } = string.Empty;

    public string TextBody { get; private set; } = string.Empty;

    public string HtmlBody { get; private set; } = string.Empty;

    /// <summary>Delivery attempts made, successful or not (0 for a new or resent message).</summary>
    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>When the message was given up; null while it waits or once it is sent.</summary>
    public DateTimeOffset? FailedAt { get; private set; }

    /// <summary>What went wrong at the last failed attempt, for administrators (no credentials: see <see cref="OutboxDispatcher"/>).</summary>
    public string? LastError { get; private set; }

    public bool IsWaiting => SentAt is null && FailedAt is null;

    public OutgoingEmail Email => new(ToAddress, ToName, Subject, TextBody, HtmlBody);

    public static OutboxMessage Create(OutgoingEmail email, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(email.ToAddress);
        if (email.ToAddress.Length > AddressMaxLength)
        {
            throw new ArgumentException($"An e-mail address has at most {AddressMaxLength} characters.", nameof(email));
        }

        return new OutboxMessage
        {
            Id = NewId(),
            CreatedAt = now,
            ToAddress = email.ToAddress,
            ToName = Cut(email.ToName ?? string.Empty, NameMaxLength),
            Subject = Cut(email.Subject ?? string.Empty, SubjectMaxLength),
            TextBody = email.TextBody ?? string.Empty,
            HtmlBody = email.HtmlBody ?? string.Empty,
            NextAttemptAt = now,
        };
    }

    /// <summary>The wait after a message's <paramref name="attempts"/>-th failed attempt: 30 s × 2^(attempts − 1), at most one hour.</summary>
    public static TimeSpan Backoff(int attempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        return attempts > 8 ? LongestDelay : TimeSpan.FromTicks(Math.Min(FirstDelay.Ticks << (attempts - 1), LongestDelay.Ticks));
    }

    /// <summary>
    /// Sent: the bodies are erased at once (they may hold single-use links: a password reset, an invitation); the
    /// address, name and subject stay until the row is deleted (<see cref="EmailOptions.KeepSentDays"/>).
    /// </summary>
    internal void MarkSent(DateTimeOffset now)
    {
        Attempts++;
        SentAt = now;
        TextBody = string.Empty;
        HtmlBody = string.Empty;
    }

    /// <summary>Records a failed attempt; answers true when it was the last one allowed and the message is given up.</summary>
    internal bool MarkFailed(DateTimeOffset now, string error, int maxAttempts)
    {
        Attempts++;
        LastError = Cut(error, ErrorMaxLength);
        if (Attempts >= maxAttempts)
        {
            FailedAt = now;
            return true;
        }

        NextAttemptAt = now + Backoff(Attempts);
        return false;
    }

    /// <summary>A given-up message goes back to the queue, as if new (its last error is kept until it is sent).</summary>
    internal bool Retry(DateTimeOffset now)
    {
        if (FailedAt is null)
        {
            return false;
        }

        Attempts = 0;
        FailedAt = null;
        NextAttemptAt = now;
        return true;
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>
    /// A GUID v7 (time-ordered, RFC 9562) that also grows within one millisecond in this process (a counter in the
    /// 12 bits after the time), so the outbox's order is the order the messages were written in.
    /// </summary>
    private static Guid NewId()
    {
        long millisecond;
        int counter;
        lock (IdGate)
        {
            millisecond = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            if (millisecond > _lastMillisecond)
            {
                _lastMillisecond = millisecond;
                _counter = 0;
            }
            else if (++_counter > 0xFFF)
            {
                _lastMillisecond++;
                _counter = 0;
            }

            millisecond = _lastMillisecond;
            counter = _counter;
        }

        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes[8..]);
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(millisecond >> (8 * (5 - i)));
        }

        bytes[6] = (byte)(0x70 | (counter >> 8));
        bytes[7] = (byte)counter;
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
