namespace Metodist.Web.Features.Settings;

/// <summary>A setting of the deployment the region administrator can change (the mentor's load limit, the asset's norm, due days).</summary>
public sealed class AppSetting
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    public string UpdatedBy { get; set; } = "";
}
