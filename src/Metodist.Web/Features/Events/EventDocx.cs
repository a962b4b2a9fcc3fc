using System.Globalization;
using Metodist.Web.Infrastructure.Exports;

namespace Metodist.Web.Features.Events;

/// <summary>What a certificate of participation prints.</summary>
public sealed record CertificateContent(
    string Number, string Participant, string? Position, string? Organization, string EventTitle, string EventKind, DateOnly Date, decimal? Hours,
    string Organizer, string? Place, string? Signatory);

/// <summary>The certificate of participation in an event: one page, like the papers services give out.</summary>
public static class EventDocx
{
    public const string ContentType = DocxBuilder.ContentType;

    public static byte[] Certificate(CertificateContent c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var doc = new DocxBuilder();
        doc.Paragraph(c.Organizer, after: 480);
        doc.Heading("СЕРТИФИКАТ", before: 480, after: 60);
        doc.Heading("участника", before: 0, after: 360);
        doc.Paragraph("Настоящим подтверждается, что", after: 120);
        doc.Heading(c.Participant, before: 120, after: 60);
        var job = string.Join(", ", new[] { c.Position, c.Organization }.Where(x => !string.IsNullOrWhiteSpace(x)));
        if (job.Length > 0) doc.Paragraph(job, after: 240);
        var date = c.Date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        doc.Paragraph($"принял(а) участие в мероприятии ({c.EventKind}): {c.EventTitle}, проведённом {date}"
            + (string.IsNullOrWhiteSpace(c.Place) ? "" : $" ({c.Place})") + ".", justify: true, after: 120);
        if (c.Hours is { } hours) doc.Paragraph($"Объём: {hours.ToString("0.#", CultureInfo.GetCultureInfo("ru-RU"))} ч.", after: 120);
        doc.Paragraph($"Регистрационный номер: {c.Number}", before: 360);
        doc.Paragraph($"Дата выдачи: {date}");
        doc.Paragraph(string.IsNullOrWhiteSpace(c.Signatory) ? "Руководитель ____________________" : $"Руководитель ____________________ {c.Signatory}", before: 600);
        return doc.Build($"Сертификат участника № {c.Number}");
    }

    public static string FileName(CertificateContent c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var name = new string(c.Participant.Where(ch => !Path.GetInvalidFileNameChars().Contains(ch)).ToArray());
        return $"Сертификат {name} {c.Date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}.docx";
    }
}
