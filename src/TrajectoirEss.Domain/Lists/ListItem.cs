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

public static class ListKinds
{
    public static string Label(this ListKind kind) => kind switch
    {
        ListKind.Sector => "Secteurs d'activité",
        ListKind.LegalForm => "Formes juridiques envisagées",
        ListKind.HeardFrom => "Comment les porteurs ont connu le programme",
        ListKind.DeclineReason => "Motifs de refus d'une orientation",
        ListKind.ClosingReason => "Motifs de clôture",
        ListKind.AbandonReason => "Motifs d'abandon",
        _ => kind.ToString(),
    };
}

/// <summary>
/// One value of an editable list. Records keep the stable <see cref="Code"/>; a deactivated value stays
/// readable on old records and is no longer offered. Values are never deleted.
/// </summary>
public sealed class ListItem
{
    public const int CodeMaxLength = 50;
    public const int LabelMaxLength = 150;
    public const int MaxSortOrder = 100_000;

    /// <summary>The legal form a porteur picks when they do not know yet.</summary>
    public const string UndecidedLegalForm = "non-decide";

    /// <summary>Between the label of a reason picked from a list and the details typed beside it.</summary>
    public const string DetailsSeparator = " — ";

    public ListItem(Guid id, ListKind kind, string code, string label, int sortOrder)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Cette liste n'existe pas.");
        }

        Id = id;
        Kind = kind;
        Code = Guard.Required(code, CodeMaxLength, "Le code");
        Label = Guard.Required(label, LabelMaxLength, "Le libellé", nameof(Label));
        SortOrder = ValidOrder(sortOrder);
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public ListKind Kind { get; private set; }

    public string Code { get; private set; }

    public string Label { get; private set; }

    public int SortOrder { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>A value the portal's rules rely on: it can be renamed, never deactivated.</summary>
    public bool IsRequiredByRules => Kind == ListKind.LegalForm && Code == UndecidedLegalForm;

    /// <summary>
    /// A new value at the end of its list, its code made from the label ("Économie circulaire" →
    /// "economie-circulaire", then "-2", "-3"… when the code is taken in this list).
    /// </summary>
    public static ListItem Add(Guid id, ListKind kind, string? label, Func<string, string> slug, IReadOnlyCollection<ListItem> sameKind)
    {
        ArgumentNullException.ThrowIfNull(slug);
        ArgumentNullException.ThrowIfNull(sameKind);
        var trimmed = Guard.Required(label, LabelMaxLength, "Le libellé", nameof(Label));
        if (sameKind.Any(i => string.Equals(SearchText.Fold(i.Label), SearchText.Fold(trimmed), StringComparison.Ordinal)))
        {
            throw new DomainException($"La liste contient déjà « {trimmed} ».", nameof(Label));
        }

        var code = UniqueCode(slug(trimmed), sameKind.Select(i => i.Code));
        var order = sameKind.Count == 0 ? 10 : Math.Min(MaxSortOrder, sameKind.Max(i => i.SortOrder) + 10);
        return new ListItem(id, kind, code, trimmed, order);
    }

    /// <summary>
    /// How long the details typed beside a reason picked from a list may be, when label and details make one
    /// reason of at most <paramref name="reasonMaxLength"/> characters: room is kept for the longest label.
    /// </summary>
    public static int DetailsMaxLength(int reasonMaxLength) => reasonMaxLength - LabelMaxLength - DetailsSeparator.Length;

    /// <summary>One reason from a list value's label and the details typed beside it, if any: "Hors périmètre — …".</summary>
    public static string WithDetails(string label, string? details) =>
        string.IsNullOrWhiteSpace(details) ? label : label + DetailsSeparator + details.Trim();

    /// <summary>A code not taken yet in this list: the slug, with "-2", "-3"… when needed.</summary>
    public static string UniqueCode(string slug, IEnumerable<string> taken) => Codes.Unique(slug, taken, CodeMaxLength);

    /// <summary>
    /// Moves one value up (offset -1) or down (+1) in its list, then numbers the list 10, 20, 30… so the
    /// order stays readable. Moving the first value up or the last down changes nothing.
    /// </summary>
    public static void Move(IReadOnlyList<ListItem> sameKind, Guid id, int offset)
    {
        ArgumentNullException.ThrowIfNull(sameKind);
        var ordered = sameKind.OrderBy(i => i.SortOrder).ThenBy(i => i.Label, StringComparer.Ordinal).ToList();
        var index = ordered.FindIndex(i => i.Id == id);
        if (index < 0)
        {
            throw new DomainException("Cette valeur n'appartient pas à la liste.");
        }

        var target = Math.Clamp(index + Math.Sign(offset), 0, ordered.Count - 1);
        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].SortOrder = (i + 1) * 10;
        }
    }

    public void Rename(string? label) => Label = Guard.Required(label, LabelMaxLength, "Le libellé", nameof(Label));

    public void MoveTo(int sortOrder) => SortOrder = ValidOrder(sortOrder);

    public void Deactivate()
    {
        if (IsRequiredByRules)
        {
            throw new DomainException($"« {Label} » est utilisée par les règles du portail : elle peut être renommée, pas désactivée.");
        }

        IsActive = false;
    }

    public void Activate() => IsActive = true;

    private static int ValidOrder(int sortOrder) =>
        sortOrder is >= 0 and <= MaxSortOrder ? sortOrder : throw new DomainException($"L'ordre est un nombre entier de 0 à {MaxSortOrder}.", nameof(SortOrder));
}
