using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Domain.Lists;

/// <summary>The editable lists of the portal (administrators change labels, order and activity).</summary>
public enum ListKind
{
    Sector = 1,
    LegalForm = 2,
    HeardFrom = 3,
    DeclineReason = 4,
    ClosingReason = 5,
    AbandonReason = 6,
}

/// <summary>
/// One value of an editable list. Records keep the stable <see cref="Code"/>; a deactivated value stays
/// readable on old records and is no longer offered.
/// </summary>
public sealed class ListItem
{
    public const int CodeMaxLength = 50;
    public const int LabelMaxLength = 150;

    /// <summary>The legal form a porteur picks when they do not know yet.</summary>
    public const string UndecidedLegalForm = "non-decide";

    public ListItem(Guid id, ListKind kind, string code, string label, int sortOrder)
    {
        Id = id;
        Kind = kind;
        Code = Guard.Required(code, CodeMaxLength, "Le code");
        Label = Guard.Required(label, LabelMaxLength, "Le libellé");
        SortOrder = sortOrder;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public ListKind Kind { get; private set; }

    public string Code { get; private set; }

    public string Label { get; private set; }

    public int SortOrder { get; private set; }

    public bool IsActive { get; private set; }

    public void Rename(string label) => Label = Guard.Required(label, LabelMaxLength, "Le libellé");

    public void MoveTo(int sortOrder) => SortOrder = sortOrder;

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}
