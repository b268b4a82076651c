namespace TrajectoirEss.Web.Features.Shared;

/// <summary>
/// One use case: a small class, in the folder of the slice whose controller calls it, with one public method that
/// changes the records and saves them through <see cref="UnitOfWork"/> (their audit lines and e-mails follow from
/// the domain's events). Every class that carries this marker is registered, scoped, at start (<c>PortalServices</c>).
/// </summary>
public interface IUseCase;
