namespace TrajectoirEss.Domain.Common;

/// <summary>
/// A rule of the programme was broken. The message is written for a person (in French) and is
/// shown as it is by the web layer, which answers with a 4xx, never a 500.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string message)
        : base(message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A broken rule about one field of a form; the web layer shows the message next to it.</summary>
    public DomainException(string message, string field)
        : base(message)
    {
        Field = field;
    }

    public DomainException()
    {
    }

    /// <summary>The name of the property the message is about (e.g. "MinAmount"), or null for the whole form.</summary>
    public string? Field { get; }
}
