using System.Text;

namespace TrajectoirEss.Web.Tests.Infrastructure;

/// <summary>The kind of field an input is aimed at.</summary>
public enum FieldKind
{
    /// <summary>Every field, and a field of its own when the form has none: refused before any binding.</summary>
    Any,
    Text,
    Number,
    Date,
    Enum,
    Id,
    Bool,
}

/// <summary>
/// One hostile or malformed input. <see cref="Raw"/> is what goes on the wire, already form-encoded (so it can
/// hold bytes that are not UTF-8). Malformed inputs must be refused and change nothing; hostile text
/// (markup, SQL, odd Unicode) is legitimate text: it must be stored as typed and shown encoded, never a 500.
/// </summary>
public sealed record HostileInput(string Name, FieldKind Target, byte[] Raw, bool Malformed)
{
    public override string ToString() => Name;
}

/// <summary>The corpus: over 200 inputs, by family.</summary>
public static class HostileInputs
{
    public static IReadOnlyList<HostileInput> All { get; } = Build();

    /// <summary>A few of each family of hostile text, sent to every form (the whole family goes to the forms that store and show text).</summary>
    public static IReadOnlyList<HostileInput> HostileTextSample => [.. All.Where(i => !i.Malformed && i.Target == FieldKind.Text).Where((_, index) => index % 8 == 0)];

    private static byte[] Encode(string value) => Encoding.ASCII.GetBytes(Uri.EscapeDataString(value));

    private static HostileInput Text(string name, string value, FieldKind target, bool malformed) => new(name, target, Encode(value), malformed);

    private static List<HostileInput> Build()
    {
        var inputs = new List<HostileInput>();

        // Control characters (tab, CR and LF are text), in the middle of a word.
        for (var c = 0; c < 0x20; c++)
        {
            if (c is 9 or 10 or 13)
            {
                continue;
            }

            inputs.Add(new($"control U+{c:X4}", FieldKind.Any, Encoding.ASCII.GetBytes($"Mor%{c:X2}laix"), true));
        }

        inputs.Add(Text("DEL U+007F", "Mor\u007Flaix", FieldKind.Any, true));
        foreach (var c in new[] { '\u0080', '\u0085', '\u009B', '\u009F' })
        {
            inputs.Add(Text($"C1 control U+{(int)c:X4}", $"Mor{c}laix", FieldKind.Any, true));
        }

        inputs.Add(new("NUL only", FieldKind.Any, "%00"u8.ToArray(), true));
        inputs.Add(new("NUL first", FieldKind.Any, "%00Morlaix"u8.ToArray(), true));
        inputs.Add(new("NUL last", FieldKind.Any, "Morlaix%00"u8.ToArray(), true));
        inputs.Add(new("NUL repeated", FieldKind.Any, Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("%00", 500))), true));
        inputs.Add(new("NUL after a quote", FieldKind.Any, "x'%00--"u8.ToArray(), true));
        inputs.Add(Text("replacement character", "caf\uFFFD", FieldKind.Any, true));
        inputs.Add(Text("non-character U+FFFE", "a\uFFFEb", FieldKind.Any, true));
        inputs.Add(Text("non-character U+FFFF", "a\uFFFFb", FieldKind.Any, true));

        // Invalid UTF-8, percent-encoded and as raw bytes in the body.
        var invalid = new (string Name, byte[] Bytes)[]
        {
            ("byte FF", [0xFF]), ("byte FE", [0xFE]), ("overlong NUL C0 80", [0xC0, 0x80]), ("overlong slash C0 AF", [0xC0, 0xAF]),
            ("overlong E0 80 80", [0xE0, 0x80, 0x80]), ("surrogate ED A0 80", [0xED, 0xA0, 0x80]), ("low surrogate ED B0 80", [0xED, 0xB0, 0x80]),
            ("beyond U+10FFFF F5", [0xF5, 0x80, 0x80, 0x80]), ("lone continuation 80", [0x80]), ("truncated C3", [0x43, 0xC3]),
            ("truncated E2 82", [0xE2, 0x82]), ("truncated F0 9F 98", [0xF0, 0x9F, 0x98]), ("five bytes F8", [0xF8, 0x88, 0x80, 0x80, 0x80]),
            ("Latin-1 é", [0x63, 0x61, 0x66, 0xE9]),
        };
        foreach (var (name, bytes) in invalid)
        {
            // Raw bytes become U+FFFD when decoded: refused. Percent-encoded, ASP.NET Core leaves an invalid
            // sequence undecoded: the app receives the literal text "%FF", which is harmless text.
            inputs.Add(new($"invalid UTF-8 {name} (raw)", FieldKind.Any, [.. "x"u8, .. bytes], true));
            inputs.Add(new($"invalid UTF-8 {name} (percent-encoded, arrives as literal text)", FieldKind.Text, Encoding.ASCII.GetBytes(string.Concat(bytes.Select(b => $"%{b:X2}"))), false));
        }

        // Oversized: longer than any field of the app (the longest takes 4,000 characters), or than any form value (64 KB).
        foreach (var length in new[] { 4_001, 8_001, 10_000, 20_000, 40_000, 65_000 })
        {
            inputs.Add(Text($"{length} characters", new string('a', length), FieldKind.Text, true));
        }

        inputs.Add(Text("5,000 euro signs", new string('€', 5_000), FieldKind.Text, true));
        inputs.Add(Text("3,000 emoji", string.Concat(Enumerable.Repeat("😀", 3_000)), FieldKind.Text, true));
        inputs.Add(Text("4,001 characters of one word and accents", string.Concat(Enumerable.Repeat("é", 4_001)), FieldKind.Text, true));
        foreach (var length in new[] { 70_000, 300_000, 1_200_000 })
        {
            inputs.Add(Text($"{length} characters (over the form limits)", new string('b', length), FieldKind.Any, true));
        }

        // Numbers no field takes.
        foreach (var number in new[]
        {
            "99999999999999999999999999", "79228162514264337593543950336", "1e308", "-1e308", "NaN", "Infinity", "-Infinity", "1e3e3", "1,2,3", "--1",
            "1..2", "١٢٣", "2147483648", "-2147483649", "4294967296", "-5000", "-0.01", "-1", "1 000 000 000 000", "12.345.678", "+-3", "٣",
        })
        {
            inputs.Add(Text($"number {number}", number, FieldKind.Number, true));
        }

        // Dates that do not exist.
        foreach (var date in new[]
        {
            "2026-02-30", "2026-13-01", "2026-00-10", "0000-00-00", "9999-99-99", "31/02/2026", "2026-02-29", "2026-04-31", "2026-06-15T25:00",
            "2026-06-15T10:61", "hier", "-2026-01-01", "2026-01-01T00:00:00+99:00", "32/01/2027", "2027-02-29T10:00",
        })
        {
            inputs.Add(Text($"date {date}", date, FieldKind.Date, true));
        }

        // Values of no list.
        foreach (var value in new[] { "999", "-1", "Inconnu", "1.5", "2147483648", "null", "undefined", "Idee;DROP" })
        {
            inputs.Add(Text($"unknown value {value}", value, FieldKind.Enum, true));
        }

        // Identifiers that are not, or that name nothing.
        foreach (var id in new[]
        {
            "not-a-guid", "00000000-0000-0000-0000-00000000000g", "{00000000-0000-0000-0000-000000000000", "0", "' OR 1=1 --",
            "00000000000000000000000000000000000", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "12345678-1234-1234-1234-1234567890123",
            "00000000-0000-0000-0000-000000000000", "0192f9a0-0000-7000-8000-000000000000",
        })
        {
            inputs.Add(Text($"id {id}", id, FieldKind.Id, true));
        }

        foreach (var value in new[] { "peut-être", "2", "on;off" })
        {
            inputs.Add(Text($"yes/no {value}", value, FieldKind.Bool, true));
        }

        // Hostile text: markup and script.
        foreach (var markup in new[]
        {
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'><svg/onload=alert(1)>", "javascript:alert(1)", "<iframe src=//evil.example>",
            "</textarea><script>alert(1)</script>", "'\"--></style></script><script>alert(1)</script>", "<a href=\"javascript:alert(1)\">lien</a>", "&lt;script&gt;",
            "@(1+1) @DateTime.Now", "<%= 7*7 %>", "{{7*7}}", "${7*7}", "#{7*7}", "<base href=//evil.example/>", "<meta http-equiv=refresh content=0;url=//evil.example>",
            "<form action=//evil.example><button>ok</button></form>", "[lien](javascript:alert(1))", "<<script>script>alert(1)<</script>/script>", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "\\u003cscript\\u003e", "<style>body{display:none}</style>", "<div style=\"background:url(javascript:alert(1))\">", "<object data=x.swf>", "<embed src=x>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "<img src=\"x\" onerror=\"alert(document.cookie)\">", "data:text/html,<script>alert(1)</script>",
            "<body onload=alert(1)>", "<input autofocus onfocus=alert(1)>",
        })
        {
            inputs.Add(Text($"markup {markup}", markup, FieldKind.Text, false));
        }

        // Hostile text: SQL metacharacters.
        foreach (var sql in new[]
        {
            "' OR '1'='1", "'; DROP TABLE projects; --", "\" OR \"\"=\"", "1; SELECT pg_sleep(5)", "' UNION SELECT password_hash FROM \"AspNetUsers\" --", "admin'--",
            "%' OR 1=1 --", "\\'; --", "$$; DROP TABLE poles; $$", "E'\\x27'", "1' AND SLEEP(5)#", "'||(SELECT version())||'", "'; COPY (SELECT 1) TO PROGRAM 'id'; --",
            "'); DELETE FROM audit_entries; --", "\\", "'", "\"", ";", "--", "/* */", "%_%", "[a-z]%", "\\x00", "'::text", "$1", "?", "@p0",
            "ORDER BY 1--", "1) OR (1=1", "' AND 1=CAST((SELECT version()) AS int) --",
        })
        {
            inputs.Add(Text($"sql {sql}", sql, FieldKind.Text, false));
        }

        // Hostile text: Unicode and other oddities a person may still type or paste.
        foreach (var odd in new[]
        {
            "\u202Etxt.exe", "a\u200Db\u200Bc", "e\u0301\u0301\u0301\u0301", "😀👨‍👩‍👧", "İstanbul ıi", "ＦＵＬＬＷＩＤＴＨ", "Ραν Morlаix (cyrillic a)", new string('x', 300),
            "../../etc/passwd", "..\\..\\windows\\win.ini", "file:///etc/passwd", "http://169.254.169.254/latest/meta-data/", "ligne 1\r\nSet-Cookie: x=1",
            "{\"$where\": \"1\"}", "*)(uid=*", "%s%s%s%n", "{0}{1}{2}", "ligne\n[ERR] faux événement du journal", "=cmd|' /C calc'!A0", "+33 6 12 34 56 78",
            "   espaces   autour   ", "\t\ttabulations\t", "l'Élan créateur « Scic » — 2026 ½ ‰",
        })
        {
            inputs.Add(Text($"odd {odd}", odd, FieldKind.Text, false));
        }

        return inputs;
    }
}
