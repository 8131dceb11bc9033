namespace Portal.Domain.Shared;

/// <summary>What stands in for a person's name or street once their personal data has been anonymised.</summary>
public static class Anonymous
{
    public const string Text = "***";
}
