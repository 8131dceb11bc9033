using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Infrastructure.Audit;

/// <summary>A problem with one row (1 = the header line) of an imported file; any of them refuses the whole file.</summary>
public sealed record RowError(int Row, string Message);

public sealed record ParsedFile<T>(IReadOnlyList<T> Rows, IReadOnlyList<RowError> Errors);

/// <summary>
/// The files finance receives: the bank's CSV statement or its ISO 20022 camt.053 export, and the acquirer's POS
/// settlement CSV. Each row goes through the domain's factory, so a file is either wholly valid or refused with
/// every bad row named.
/// </summary>
public static class StatementFiles
{
    public const string BankHeader = "BookingDate,ValueDate,Amount,Currency,Reference,Counterparty,Narrative,LineId";
    public const string SettlementHeader = "SettlementDate,TerminalId,BatchNo,Reference,CardLast4,Amount,Fee,NetAmount";
    public const int MaxRows = 2_000_000;

    public static string Hash(byte[] content) => Convert.ToHexString(SHA256.HashData(content));

    /// <summary>camt.053 when the file is XML, the CSV statement otherwise.</summary>
    public static ParsedFile<BankStatementLine> ParseBankStatement(byte[] content, Guid importKey) =>
        LooksLikeXml(content) ? ParseCamt053(content, importKey) : ParseBankCsv(content, importKey);

    public static ParsedFile<BankStatementLine> ParseBankCsv(byte[] content, Guid importKey) =>
        ParseCsv(content, BankHeader, 8, (f, row) => BankStatementLine.Create(
            f[7], Date(f[0], "BookingDate"), Date(f[1], "ValueDate"), Amount(f[2], "Amount"), f[3], f[4], f[5], f[6], importKey));

    public static ParsedFile<PosSettlementLine> ParseSettlementCsv(byte[] content, Guid importKey) =>
        ParseCsv(content, SettlementHeader, 8, (f, row) => PosSettlementLine.Create(
            Date(f[0], "SettlementDate"), f[1], f[2], f[3], f[4], Amount(f[5], "Amount"), Amount(f[6], "Fee"), Amount(f[7], "NetAmount"), importKey));

    public static ParsedFile<BankStatementLine> ParseCamt053(byte[] content, Guid importKey)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(
                new MemoryStream(content), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            return new([], [new RowError(ex.LineNumber, $"Not well-formed XML: {ex.Message}")]);
        }

        if (document.Root?.Name.NamespaceName.StartsWith("urn:iso:std:iso:20022:tech:xsd:camt.053", StringComparison.Ordinal) != true)
        {
            return new([], [new RowError(1, "Not a camt.053 bank-to-customer statement")]);
        }

        var rows = new List<BankStatementLine>();
        var errors = new List<RowError>();
        foreach (var entry in document.Descendants().Where(e => e.Name.LocalName == "Ntry"))
        {
            var line = ((IXmlLineInfo)entry).LineNumber;
            try
            {
                var amount = entry.Elements().FirstOrDefault(e => e.Name.LocalName == "Amt");
                var sign = Text(entry, "CdtDbtInd") switch
                {
                    "CRDT" => 1,
                    "DBIT" => -1,
                    var other => throw new DomainException("audit.invalid", $"CdtDbtInd must be CRDT or DBIT (was {other})"),
                };
                var value = Amount(amount?.Value, "Amt");
                var tx = entry.Descendants().FirstOrDefault(e => e.Name.LocalName == "TxDtls");
                rows.Add(BankStatementLine.Create(
                    Text(entry, "AcctSvcrRef") ?? Text(entry, "NtryRef") ?? throw new DomainException("audit.line_id_required", "AcctSvcrRef or NtryRef is required"),
                    Date(DateText(entry, "BookgDt"), "BookgDt"),
                    Date(DateText(entry, "ValDt") ?? DateText(entry, "BookgDt"), "ValDt"),
                    sign > 0 ? value : Money.Zero - value,
                    amount?.Attribute("Ccy")?.Value ?? "",
                    tx is null ? null : Text(tx, "EndToEndId") is { } e2e && e2e != "NOTPROVIDED" ? e2e : null,
                    tx?.Descendants().FirstOrDefault(e => e.Name.LocalName is "Dbtr" or "Cdtr")?.Descendants().FirstOrDefault(e => e.Name.LocalName == "Nm")?.Value,
                    tx is null ? Text(entry, "AddtlNtryInf") : Text(tx, "Ustrd") ?? Text(entry, "AddtlNtryInf"),
                    importKey));
            }
            catch (Exception ex) when (ex is DomainException or FormatException)
            {
                errors.Add(new RowError(line, ex.Message));
            }
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new RowError(1, "The statement has no entries"));
        }

        return new(rows, errors);
    }

    private static ParsedFile<T> ParseCsv<T>(byte[] content, string header, int columns, Func<string[], int, T> create)
    {
        var rows = new List<T>();
        var errors = new List<RowError>();
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return new([], [new RowError(1, "The file is not UTF-8")]);
        }

        using var records = Csv.Read(text).GetEnumerator();
        if (!records.MoveNext() || !string.Equals(string.Join(',', records.Current.Fields).Trim().TrimStart('\uFEFF'), header, StringComparison.Ordinal))
        {
            return new([], [new RowError(1, $"The header must be exactly {header}")]);
        }

        while (records.MoveNext())
        {
            var (row, fields) = records.Current;
            if (fields is [""])
            {
                continue;
            }

            if (rows.Count + errors.Count >= MaxRows)
            {
                errors.Add(new RowError(row, $"A file holds at most {MaxRows} rows"));
                break;
            }

            if (fields.Length != columns)
            {
                errors.Add(new RowError(row, $"Expected {columns} columns, found {fields.Length}"));
                continue;
            }

            try
            {
                rows.Add(create(fields, row));
            }
            catch (Exception ex) when (ex is DomainException or FormatException)
            {
                errors.Add(new RowError(row, ex.Message));
            }
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new RowError(1, "The file has no lines"));
        }

        return new(rows, errors);
    }

    private static DateOnly Date(string? text, string column) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"{column} must be a date as yyyy-MM-dd (was '{text}')");

    private static Money Amount(string? text, string column) =>
        decimal.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && decimal.Round(value, 2) == value && Math.Abs(value) < 1_000_000_000m
            ? Money.Yuan(value)
            : throw new FormatException($"{column} must be an amount in yuan with at most two decimals (was '{text}')");

    private static string? Text(XElement parent, string localName) =>
        parent.Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value.Trim() is { Length: > 0 } value ? value : null;

    private static string? DateText(XElement entry, string localName) =>
        entry.Elements().FirstOrDefault(e => e.Name.LocalName == localName) is { } holder ? Text(holder, "Dt") ?? Text(holder, "DtTm")?[..10] : null;

    private static bool LooksLikeXml(byte[] content)
    {
        foreach (var b in content.AsSpan(content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0))
        {
            if (!char.IsWhiteSpace((char)b))
            {
                return b == '<';
            }
        }

        return false;
    }
}

/// <summary>RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. Row numbers are physical lines.</summary>
public static class Csv
{
    public static IEnumerable<(int Row, string[] Fields)> Read(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                yield return (start, fields.ToArray());
                fields.Clear();
                line++;
                start = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (start, fields.ToArray());
        }
    }
}
