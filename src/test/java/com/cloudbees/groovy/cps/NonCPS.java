package com.cloudbees.groovy.cps;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Test double of groovy-cps' {@code @NonCPS} (same name, target and retention), so that the template
 * tests compile {@code vars/} scripts that mark a method to run outside the CPS transformation. Pipeline
 * imports it into every script by itself; {@code PipelineTemplate} does the same.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NonCPS {}
