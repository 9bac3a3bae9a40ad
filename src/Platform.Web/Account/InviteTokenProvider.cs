using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Platform.Data.Identity;

namespace Platform.Web.Account;

/// <summary>Invite links live a week (a password-reset link lives hours): the invitee may not read mail today.</summary>
public sealed class InviteTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public const string ProviderName = "Invite";
    public const string Purpose = "StaffInvite";

    public InviteTokenProviderOptions()
    {
        Name = ProviderName;
        TokenLifespan = TimeSpan.FromDays(7);
    }
}

public sealed class InviteTokenProvider(
    IDataProtectionProvider dataProtection,
    IOptions<InviteTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<PlatformUser>> log)
    : DataProtectorTokenProvider<PlatformUser>(dataProtection, options, log);
