namespace Platform.Domain.Money;

/// <summary>Invoicebox VAT codes (tag 1199). "Included" codes carry VAT inside the price; *_ADDED codes on top of it.</summary>
public enum VatCode
{
    VATNONE,
    RUS_VAT0,
    RUS_VAT5,
    RUS_VAT7,
    RUS_VAT10,
    RUS_VAT20,
    RUS_VAT22,
    RUS_VAT5_ADDED,
    RUS_VAT7_ADDED,
    RUS_VAT10_ADDED,
    RUS_VAT20_ADDED,
    RUS_VAT22_ADDED,
}
