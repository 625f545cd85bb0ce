/** Labels of the survey enums (registered in VOCABULARY by ./labels). */
export {};
