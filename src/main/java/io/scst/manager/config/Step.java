package io.scst.manager.config;

import java.util.List;

import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;

/**
 * One executable step of a plan with the actions that undo it.
 *
 * @param kind create, update or delete
 * @param object the object, named like its API resource
 * @param reason why
 * @param action the write
 * @param undo the writes that take it back, in order (empty when undoing a later step
 * takes it back anyway, as deleting a new device does for its attributes)
 */
record Step(String kind, String object, String reason, Action action, List<Action> undo) {

	static final String CREATE = "create";

	static final String UPDATE = "update";

	static final String DELETE = "delete";

	Step {
		undo = List.copyOf(undo);
	}

	PlanStep view() {
		return new PlanStep(this.kind, this.object, this.action.describe(), this.reason);
	}

	/** One write to the tree. */
	sealed interface Action {

		void run(ScstSysfs sysfs);

		String describe();

	}

	/** A management command. */
	record Mgmt(MgmtCommand command) implements Action {

		@Override
		public void run(ScstSysfs sysfs) {
			sysfs.mgmt(this.command);
		}

		@Override
		public String describe() {
			return this.command.toString();
		}

	}

	/** An attribute write. */
	record Write(ScstPath path, String value) implements Action {

		@Override
		public void run(ScstSysfs sysfs) {
			sysfs.write(this.path, this.value);
		}

		@Override
		public String describe() {
			return this.path + ": " + this.value;
		}

	}

}
