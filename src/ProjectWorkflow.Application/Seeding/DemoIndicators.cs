using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Projects;

namespace ProjectWorkflow.Application.Seeding;

/// <summary>
/// The plan indicators a demo file promises and, once evaluated, delivers: figures of the size a Shanghai plant of that
/// investment reports (R&amp;D about 5% of the investment, a few invention patents, tens of thousands of m³ of water a
/// year, hundreds of tonnes of CO₂ and solid waste, a few hectares of land), varied by the file's index so no two match.
/// The evaluated projects reach most of what they promised, not all of it.
/// </summary>
internal static class DemoIndicators
{
    public static SaveDraftRequest Promise(SaveDraftRequest draft, long investmentFen, decimal energySavedTce, int index) => draft with
    {
        RdSpendFen = investmentFen / 20,
        InventionPatents = 1 + index % 4,
        WaterBeforeM3 = 120_000 + index * 5_000,
        WaterAfterM3 = (120_000 + index * 5_000) * 85 / 100,
        // 2.66 t of CO₂ per tonne of standard coal saved; a plant with no coal savings still cuts some with cleaner processes.
        Co2ReducedTonnes = energySavedTce > 0 ? energySavedTce * 2.66m : 300 + index * 10,
        SolidWasteTonnes = 800 + index * 20,
        SolidWasteUtilisedTonnes = (800 + index * 20) * 0.92m,
        LandM2 = 20_000 + index * 1_500,
    };

    public static EvaluatePerformanceRequest Deliver(EvaluatePerformanceRequest evaluation, SaveDraftRequest promised, int index) => evaluation with
    {
        RdSpendFen = promised.RdSpendFen * 9 / 10,
        InventionPatents = promised.InventionPatents - index % 2,
        WaterSavedM3 = (promised.WaterBeforeM3 - promised.WaterAfterM3) * 95 / 100,
        Co2ReducedTonnes = decimal.Round((promised.Co2ReducedTonnes ?? 0) * 0.9m, 3),
        SolidWasteTonnes = promised.SolidWasteTonnes,
        SolidWasteUtilisedTonnes = decimal.Round((promised.SolidWasteUtilisedTonnes ?? 0) * 0.98m, 3),
        LandM2 = promised.LandM2,
    };
}
