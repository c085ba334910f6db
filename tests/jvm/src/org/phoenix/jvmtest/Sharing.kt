package org.phoenix.jvmtest

import org.phoenix.core.Core
import org.phoenix.shared.Dimension
import org.phoenix.shared.Event
import org.phoenix.shared.GoalEvent
import org.phoenix.shared.Screen
import org.phoenix.shared.ScreenView
import org.phoenix.shared.ShareItem
import org.phoenix.shared.SharingEvent

/**
 * Paired through a real relay, from a goal: the preview shows what the
 * specialist will see and nothing leaves before Send; Send delivers the
 * goal to the specialist's inbox as a structured item (its envelope, not a
 * message's text), and "Shared with my specialist" names it.
 */
fun shareAGoalWithTheSpecialist(core: Core, specialist: ScriptedSpecialist) {
    core.go(Screen.GOALS)
    core.dispatch(Event.Goals(GoalEvent.Add("Walk every day", Dimension.HEALTH, "", null)))
    val goal = core.screen<ScreenView.Goals>().value.goals.single()
    core.dispatch(Event.Goals(GoalEvent.AddStep(goal.id, "Buy shoes", null)))
    val step = core.screen<ScreenView.Goals>().value.goals.single().steps.single()
    core.dispatch(Event.Goals(GoalEvent.CompleteStep(step.id)))

    core.dispatch(Event.Sharing(SharingEvent.Preview(ShareItem.Goal(goal.id))))
    checkNoProblem(core.view, "the preview")
    val preview = core.view.sharing?.preview ?: throw CheckFailed("no preview")
    checkEquals("What Lucía M. will see", preview.heading, "the preview's heading")
    checkEquals("Goal: Walk every day", preview.title, "the preview's title")
    check("Done: Buy shoes" in preview.lines) { "the preview shows the done step: ${preview.lines}" }
    checkEquals(emptyList<String>(), specialist.letters(), "what reaches the inbox before Send")

    core.dispatch(Event.Sharing(SharingEvent.Send))
    checkNoProblem(core.view, "sending")
    checkEquals(null, core.view.sharing?.preview, "the preview after Send")
    val letter = specialist.letters().single()
    check(letter.startsWith("item {\"v\":1,\"key\":\"goal:${goal.id}\",\"item\":{\"kind\":\"goal\"")) {
        "the inbox opens a structured goal item, got: $letter"
    }
    for (part in listOf("\"title\":\"Walk every day\"", "\"steps\":[{\"title\":\"Buy shoes\",\"done\":true}]")) {
        check(part in letter) { "the item holds $part: $letter" }
    }
    core.go(Screen.CONTACT)
    checkEquals(listOf("Goal: Walk every day"), core.view.sharing?.shared?.map { it.what }, "Shared with my specialist")
}
