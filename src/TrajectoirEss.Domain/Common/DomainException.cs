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

    public DomainException()
    {
    }
}
