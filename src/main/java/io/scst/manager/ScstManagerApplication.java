package io.scst.manager;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ScstManagerApplication {

	public static void main(String[] args) {
		SpringApplication.run(ScstManagerApplication.class, args);
	}

}
