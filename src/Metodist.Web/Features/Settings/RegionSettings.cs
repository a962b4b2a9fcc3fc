using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Settings;

/// <summary>One number the region administrator can change, with its default and allowed range.</summary>
public sealed record NumberSetting(string Key, string Title, string Hint, int Default, int Min, int Max);

/// <summary>The region's settings: read from the database on every use (any app node sees a change at once).</summary>
public sealed class RegionSettings(AppDbContext db, TimeProvider clock)
{
    /// <summary>How many mentees one mentor may have before the product warns (seed practice: two).</summary>
    public static readonly NumberSetting MentorLoadLimit = new("mentoring.mentorLoadLimit", "Предельная нагрузка наставника",
        "Сколько наставляемых может быть у одного наставника; сверх этого числа система предупреждает о перегрузке.", 2, 1, 20);

    /// <summary>How many teachers one regional methodist serves by norm (the asset's KPI «педагогов на одного методиста»).</summary>
    public static readonly NumberSetting AssetLoadNorm = new("asset.loadNorm", "Норма нагрузки регионального методиста",
        "Сколько педагогов закрепляется за одним региональным методистом; сверх нормы система предупреждает о перегрузке.", 60, 5, 500);

    /// <summary>How many working days a consultation request may take.</summary>
    public static readonly NumberSetting ConsultationDueDays = new("consultations.dueWorkingDays", "Срок ответа на обращение",
        "Сколько рабочих дней даётся на ответ по заявке на методическую помощь.", 10, 1, 60);

    public static readonly IReadOnlyList<NumberSetting> All = [MentorLoadLimit, AssetLoadNorm, ConsultationDueDays];

    public async Task<int> GetAsync(NumberSetting setting, CancellationToken ct = default)
    {
        var value = await db.AppSettings.AsNoTracking().Where(s => s.Key == setting.Key).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return int.TryParse(value, out var number) && number >= setting.Min && number <= setting.Max ? number : setting.Default;
    }

    /// <summary>Saves a value; returns a Russian message when it is out of range, null when saved.</summary>
    public async Task<string?> SetAsync(NumberSetting setting, int value, string userName, CancellationToken ct = default)
    {
        if (value < setting.Min || value > setting.Max)
            return $"«{setting.Title}»: допустимо от {setting.Min} до {setting.Max}.";
        var row = await db.AppSettings.FirstOrDefaultAsync(s => s.Key == setting.Key, ct);
        if (row is null)
        {
            row = new AppSetting { Key = setting.Key };
            db.AppSettings.Add(row);
        }
        row.Value = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        row.UpdatedBy = userName;
        await db.SaveChangesAsync(ct);
        return null;
    }
}
