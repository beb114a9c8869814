package io.scst.manager.sysfs.simulation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MgmtLineTests {

	@Test
	void lexemesSplitOnBlanksAndEquals() {
		MgmtLine line = new MgmtLine("add  disk1 0 read_only = 1\n");
		assertThat(line.lexeme()).isEqualTo("add");
		assertThat(line.lexeme()).isEqualTo("disk1");
		assertThat(line.lexeme()).isEqualTo("0");
		assertThat(line.rest()).isEqualTo("read_only = 1\n");
		assertThat(line.lexeme()).isEqualTo("read_only");
		assertThat(line.lexeme()).isEqualTo("1");
		assertThat(line.lexeme()).isEmpty();
	}

	@Test
	void aLexemeConsumesExactlyOneDelimiter() {
		MgmtLine line = new MgmtLine("add d 0 ");
		line.lexeme();
		line.lexeme();
		line.lexeme();
		assertThat(line.token()).isNull();
		MgmtLine two = new MgmtLine("add d 0  \n");
		two.lexeme();
		two.lexeme();
		two.lexeme();
		assertThat(two.token()).isEqualTo(" ");
	}

	@Test
	void tokensEndAtSemicolonOrNewlineAndAnEmptyTokenStops() {
		MgmtLine line = new MgmtLine("a=1; b=2;;c=3\n");
		assertThat(line.token()).isEqualTo("a=1");
		assertThat(line.token()).isEqualTo(" b=2");
		assertThat(line.token()).isNull();
	}

	@Test
	void semicolonIsPartOfALexeme() {
		assertThat(new MgmtLine("0;read_only").lexeme()).isEqualTo("0;read_only");
	}

}
