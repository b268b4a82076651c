namespace TrajectoirEss.Web.Features.Shared;

/// <summary>
/// The record does not exist or the person may not see it (a project not theirs, another pôle's project, another
/// structure's referral, session, financing or need): the web layer answers 404, so its existence does not leak.
/// </summary>
public sealed class ProjectNotFoundException : Exception
{
    public ProjectNotFoundException()
        : base("Project not found for this user.")
    {
    }

    public ProjectNotFoundException(string message)
        : base(message)
    {
    }

    public ProjectNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
