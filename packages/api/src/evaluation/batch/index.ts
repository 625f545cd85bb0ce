/** The year-end batch's tasks (one Lambda function, one handler per step). */
export {};
