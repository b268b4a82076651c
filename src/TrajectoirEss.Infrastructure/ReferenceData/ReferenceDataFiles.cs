using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using CsvHelper.Configuration;

namespace TrajectoirEss.Infrastructure.ReferenceData;

/// <summary>An EPCI as the shipped file describes it.</summary>
public sealed record EpciRecord(string Siren, string Name, string Kind);

/// <summary>A commune as the shipped file describes it.</summary>
public sealed record CommuneRecord(string CodeInsee, string Name, string DepartementCode, IReadOnlyList<string> PostalCodes, string? EpciSiren, int Population);

/// <summary>
/// Reads the reference-data files embedded in the assembly (communes and EPCI of the current year,
/// pôles, structures, lists). Used by the import at start and by the administrators' refresh.
/// </summary>
public static class ReferenceDataFiles
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
    };

    public static IReadOnlyList<EpciRecord> ReadEpcis() =>
        ReadCsv<EpciRow>("epci-bretagne.csv").Select(r => new EpciRecord(r.Siren, r.Nom, r.Type)).ToList();

    public static IReadOnlyList<CommuneRecord> ReadCommunes() =>
        ReadCsv<CommuneRow>("communes-bretagne.csv")
            .Select(r => new CommuneRecord(
                r.CodeInsee,
                r.Nom,
                r.Departement,
                r.CodesPostaux.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                string.IsNullOrWhiteSpace(r.EpciSiren) ? null : r.EpciSiren,
                r.Population))
            .ToList();

    internal static T ReadJson<T>(string fileName)
    {
        using var stream = OpenResource(fileName);
        return JsonSerializer.Deserialize<T>(stream, JsonOptions)
            ?? throw new InvalidDataException($"Reference data file {fileName} is empty.");
    }

    private static List<T> ReadCsv<T>(string fileName)
    {
        using var stream = OpenResource(fileName);
        using var reader = new StreamReader(stream);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => args.Header.Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant(),
        };
        using var csv = new CsvReader(reader, configuration);
        return csv.GetRecords<T>().ToList();
    }

    private static Stream OpenResource(string fileName) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream($"ReferenceData.{fileName}")
        ?? throw new FileNotFoundException($"Reference data file {fileName} is not embedded in the assembly.");

    private sealed class EpciRow
    {
        public string Siren { get; set; } = string.Empty;

        public string Nom { get; set; } = string.Empty;

        public string Type { get; set; } = string.Empty;
    }

    private sealed class CommuneRow
    {
        public string CodeInsee { get; set; } = string.Empty;

        public string Nom { get; set; } = string.Empty;

        public string Departement { get; set; } = string.Empty;

        public string CodesPostaux { get; set; } = string.Empty;

        public string? EpciSiren { get; set; }

        public int Population { get; set; }
    }
}
